//! The 2-D affine matrices of PDF (`[a b c d e f]`, points as row vectors:
//! `p' = p × M`).

/// `[a b c d e f]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Matrix(pub [f32; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    pub fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self × other`: first self, then other.
    pub fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    /// How much a vertical unit grows (font sizes).
    pub fn y_scale(&self) -> f32 {
        self.0[2].hypot(self.0[3])
    }

    /// How much a horizontal unit grows (glyph widths).
    pub fn x_scale(&self) -> f32 {
        self.0[0].hypot(self.0[1])
    }

    /// All six numbers finite: a matrix from a hostile file may not be.
    pub fn finite(&self) -> bool {
        self.0.iter().all(|v| v.is_finite())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composition_applies_the_first_matrix_first() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let m = scale.then(&Matrix::translate(10.0, 5.0));
        assert_eq!(m.apply(1.0, 1.0), (12.0, 7.0));
        assert_eq!(m.y_scale(), 2.0);
    }
}

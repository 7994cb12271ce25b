#!/usr/bin/env bash
# hamish in real terminal windows: starts each terminal under Xvfb, runs
# hamish on seed 000, presses keys with xdotool, saves screenshots, and
# compares pictures where the right answer is known:
#   - the same view with the terminal's own bidi out of the way is the
#     reference (mlterm started with -C false, Konsole with its profile's
#     bidi rendering off, for tmux the same terminal without tmux);
#   - "no specks" (xterm): the view after two pages equals a fresh start at
#     that position (the state file brings the second run there).
# A comparison counts differing pixels (ImageMagick `compare -metric AE`);
# 0 means pixel-identical. Look at the pictures too: a pixel count cannot
# tell you the text reads right to left.
#
# usage: tools/terminals.sh [OUT] [CASE...]
#   OUT   where the screenshots go (default /tmp/hamish-terminals)
#   CASE  run only these (xterm sakura konsole mlterm tmux-xterm tmux-sakura
#         tmux-off screen-sakura terminal-mode check); default all
#   env DOCS=1: also write small copies for the README to docs/terminals/
#   env HAMISH=/path/to/hamish: run that binary instead of target/release/hamish
# Not part of `cargo test`: it needs X terminals and takes a few minutes.
set -u
cd "$(dirname "$0")/.."
root=$PWD
out=${1:-/tmp/hamish-terminals}
shift || true
cases=${*:-xterm sakura konsole mlterm tmux-xterm tmux-sakura tmux-off screen-sakura terminal-mode check}
seed=$root/seeds/000_888738dd473cd04e.txt
mkdir -p "$out"

# Debian packages, installed when missing.
need=""
for p in xvfb xterm mlterm sakura konsole tmux screen dbus-x11 xdotool x11-apps imagemagick fonts-dejavu fonts-noto-core; do
  dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
if [ -n "$need" ]; then
  echo "installing:$need"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi
# env HAMISH: another binary to try (e.g. an older build, for a before/after).
hamish=${HAMISH:-$root/target/release/hamish}
[ -x "$hamish" ] || cargo build --release -q

export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset TMUX TMUX_PANE STY MLTERM VTE_VERSION KONSOLE_VERSION

# One X server for the whole run.
n=$((50 + RANDOM % 40))
while [ -e /tmp/.X$n-lock ] || [ -e /tmp/.X11-unix/X$n ]; do n=$((n + 1)); done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
for _ in $(seq 1 40); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.25; done

# A tmux configuration for the runs inside tmux: no status bar (so the
# picture can equal the one without tmux), passthrough on unless asked.
tmuxconf() { # $1: on|off
  local f=$out/tmux-$1.conf
  printf 'set -g status off\nset -g escape-time 0\nset -g default-terminal tmux-256color\nset -g allow-passthrough %s\n' "$1" >"$f"
  echo "$f"
}

# Start terminal $1 running the shell command $2 (with HOME=$3); sets $win
# to its window and $tpid to its process.
launch() {
  local term=$1 cmd=$2 home=$3 script
  script=$(mktemp "$out/run.XXXXXX.sh")
  printf '#!/bin/sh\nexport HOME=%s XDG_STATE_HOME=%s/state XDG_CONFIG_HOME=%s/config\ncd %s\n%s\nsleep 60\n' \
    "$home" "$home" "$home" "$root" "$cmd" >"$script"
  chmod +x "$script"
  case $term in
    xterm) xterm -fa 'DejaVu Sans Mono' -fs 12 -geometry 100x30+0+0 -e "$script" & ;;
    mlterm*) mlterm --geometry 100x30+0+0 --aa --fontsize 16 ${MLOPTS:-} -e "$script" & ;;
    sakura) sakura -c 100 -r 30 -f "DejaVu Sans Mono 12" -e "$script" >/dev/null 2>&1 & ;;
    konsole) dbus-run-session -- konsole --separate --nofork --hide-menubar --hide-tabbar \
      -p TerminalColumns=100 -p TerminalRows=30 -p 'Font=DejaVu Sans Mono,12' ${KOPTS:-} \
      -e "$script" >/dev/null 2>&1 & ;;
  esac
  tpid=$!
  sleep 3
  win=""
  local class=${term%%-*}
  for _ in $(seq 1 40); do
    win=$(for w in $(xdotool search --class "$class" 2>/dev/null); do
      g=$(xdotool getwindowgeometry "$w" 2>/dev/null | awk '/Geometry/{print $2}')
      [ -n "$g" ] && echo "$w $g"
    done | awk '{split($2,a,"x"); print $1, a[1]*a[2]}' | sort -k2 -n | tail -1 | cut -d' ' -f1)
    [ -n "$win" ] && break
    sleep 0.5
  done
  xdotool windowfocus "$win" 2>/dev/null
  xdotool mousemove 1390 890
  sleep 1.5
}

# Screenshot the window as $out/$1.png.
snap() {
  sleep 0.8
  eval "$(xdotool getwindowgeometry --shell "$win")"
  xwd -root -display "$DISPLAY" | convert xwd:- -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "png:$out/$1.png"
}

key() { xdotool key --clearmodifiers "$@"; sleep 0.7; }

stop() {
  # The window's own process too: konsole outlives dbus-run-session, and
  # the next run must not find its window.
  wpid=$(xdotool getwindowpid "$win" 2>/dev/null)
  kill "$tpid" 2>/dev/null
  pkill -P "$tpid" 2>/dev/null
  [ -n "$wpid" ] && kill "$wpid" 2>/dev/null
  for _ in $(seq 1 20); do xdotool getwindowname "$win" >/dev/null 2>&1 || break; sleep 0.25; done
  sleep 0.5
  rm -f "$out"/run.*.sh
}

# The four views of the issue, in one window: two pages on, the first
# footnote's popup, the contents, the side-by-side view.
views() { # $1: terminal, $2: command, $3: name
  local home
  home=$(mktemp -d "$out/home.XXXXXX")
  launch "$1" "$2" "$home"
  key space
  key space
  snap "$3_pages"
  key f
  snap "$3_popup"
  # q closes the popup and the contents (Esc would do too, but GNU screen
  # holds a lone Esc back).
  key q
  key t
  snap "$3_toc"
  key q
  key s
  snap "$3_side"
  key q
  key q
  sleep 0.5
  stop
  last_home=$home
}

# Differing pixels between two screenshots (0: identical).
differ() {
  compare -metric AE "$out/$1.png" "$out/$2.png" null: 2>&1 | cut -d' ' -f1
}

report=$out/report.txt
: >"$report"
same() { # $1 $2: names of two pictures; $3: what is compared
  local d
  d=$(differ "$1" "$2")
  printf '%-60s %s\n' "$3 ($1 vs $2)" "$([ "$d" = 0 ] && echo identical || echo "$d pixels differ")" | tee -a "$report"
}

same_views() { # $1 $2: name prefixes of two sets of the four views; $3: what
  for v in pages popup toc side; do
    same "$1_$v" "$2_$v" "$3"
  done
}

run="$hamish $seed"
for c in $cases; do
  case $c in
    xterm)
      views xterm "$run" xterm
      # Fresh start at the position the first run saved (two pages on).
      launch xterm "$run" "$last_home"
      snap xterm_pages_fresh
      key q
      stop
      same xterm_pages xterm_pages_fresh "xterm: no specks after two pages"
      # How much two fresh starts differ: xterm's own noise.
      launch xterm "$run" "$last_home"
      snap xterm_pages_fresh2
      key q
      stop
      same xterm_pages_fresh xterm_pages_fresh2 "xterm: two fresh starts"
      ;;
    sakura)
      views sakura "$run" sakura
      ;;
    konsole)
      views konsole "$run" konsole_default
      KOPTS="-p BidiRenderingEnabled=false" views konsole "$run" konsole
      same_views "konsole_default" "konsole" "konsole: default vs bidi rendering off"
      ;;
    mlterm)
      views mlterm "$run" mlterm
      MLOPTS="-C false" views mlterm "$run" mlterm_ref
      same_views "mlterm" "mlterm_ref" "mlterm: hamish's switch vs -C false"
      ;;
    tmux-xterm)
      [ -e "$out/xterm_pages.png" ] || views xterm "$run" xterm
      views xterm "tmux -L hamish-shots -f $(tmuxconf on) new-session '$run'" tmux_xterm
      same_views "tmux_xterm" "xterm" "tmux in xterm vs xterm"
      # tmux brightens bold colours (the headings): compare without colour.
      views xterm "$run --theme mono" xterm_mono
      views xterm "tmux -L hamish-shots -f $(tmuxconf on) new-session '$run --theme mono'" tmux_xterm_mono
      same_views "tmux_xterm_mono" "xterm_mono" "tmux in xterm vs xterm, --theme mono"
      ;;
    tmux-sakura)
      [ -e "$out/sakura_pages.png" ] || views sakura "$run" sakura
      views sakura "tmux -L hamish-shots -f $(tmuxconf on) new-session '$run'" tmux_sakura
      same_views "tmux_sakura" "sakura" "tmux in sakura (VTE) vs sakura"
      ;;
    screen-sakura)
      [ -e "$out/sakura_pages.png" ] || views sakura "$run" sakura
      printf 'startup_message off\nhardstatus ignore\nmaptimeout 5\ntermcapinfo * ti@:te@\n' >"$out/screenrc"
      views sakura "screen -c $out/screenrc $run" screen_sakura
      same_views "screen_sakura" "sakura" "GNU screen in sakura (VTE) vs sakura"
      ;;
    tmux-off)
      home=$(mktemp -d "$out/home.XXXXXX")
      launch sakura "tmux -L hamish-off -f $(tmuxconf off) new-session '$run'" "$home"
      snap tmux_off_notice
      key q
      stop
      ;;
    check)
      # The test card of --check-terminal, waiting for the answer.
      for t in xterm sakura konsole mlterm tmux-sakura; do
        home=$(mktemp -d "$out/home.XXXXXX")
        cmd="$hamish --check-terminal"
        term=$t
        if [ "$t" = tmux-sakura ]; then
          term=sakura
          cmd="tmux -L hamish-shots -f $(tmuxconf on) new-session '$cmd; sleep 30'"
        fi
        launch "$term" "$cmd" "$home"
        snap "check_$t"
        stop
      done
      ;;
    terminal-mode)
      # --bidi terminal, each terminal with its own bidi on (its default):
      # the four views, boxes included.
      for t in konsole sakura mlterm; do
        views "$t" "$run --bidi terminal" "terminal_mode_$t"
      done
      ;;
  esac
done
tmux -L hamish-shots kill-server 2>/dev/null
tmux -L hamish-off kill-server 2>/dev/null
rm -rf "$out"/home.*

# The README's pictures: a few views, small (70%, 16 colours).
if [ "${DOCS:-0}" = 1 ]; then
  mkdir -p docs/terminals
  for name in {xterm,sakura,konsole,mlterm,tmux_xterm,tmux_sakura}_{pages,popup,toc,side} \
    screen_sakura_toc konsole_default_pages tmux_off_notice \
    terminal_mode_{sakura,mlterm,konsole}_{pages,popup,toc,side} check_konsole; do
    chop=0x0 keep=100%x100%+0+0
    case $name in *konsole*) chop=0x33 ;; esac # Konsole's tool bar
    case $name in check_*) keep=1026x260+0+0 ;; esac # the card, not the blank below
    [ -e "$out/$name.png" ] && convert "$out/$name.png" -gravity north -chop $chop +repage \
      -gravity northwest -crop $keep +repage -resize 70% +dither -colors 16 -define png:exclude-chunks=date,time "png8:docs/terminals/$name.png"
  done
fi
echo "screenshots in $out; comparisons in $report"

# Sourced by bin/bench-compare*: what the comparison scripts share.

# median [VALUES]: the median of the numbers in VALUES (separated by spaces or newlines), or of those
# on standard input without an argument; the mean of the middle two for an even count.
median() {
    if (($# > 0)); then tr ' ' '\n' <<<"$1"; else cat; fi |
        awk 'NF' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# Checks a --plot FILE before anything is measured, as the launcher's bench commands do, so that a
# bad name fails in a second rather than after the run.
# plot_file SCRIPT OPTION FILE: prints FILE's absolute path, or says what is wrong and exits 2.
plot_file() {
    local script=$1 option=$2 file=$3 dir
    case ${file,,} in
        *.svg | *.png) ;;
        *) echo "$script: $option '$file': expected a file ending in .svg or .png" >&2; exit 2 ;;
    esac
    dir=$(dirname -- "$file")
    if [[ ! -d $dir || ! -w $dir ]]; then
        echo "$script: $option '$file': directory '$dir' does not exist or is not writable: expected a file in a writable directory" >&2
        exit 2
    fi
    printf '%s/%s\n' "$(cd -- "$dir" && pwd)" "$(basename -- "$file")"
}

# SPDX-License-Identifier: GPL-2.0-only OR MIT
# bash completion for bbctl(8). Install as
# /usr/share/bash-completion/completions/bbctl, or source it.

# Ids of existing objects, from bbctl's own text output ("stream 3 dev ...").
_bbctl_ids()
{
	bbctl "$1" show 2>/dev/null | awk -v o="$1" '$1 == o { print $2 }'
}

# The keywords a command takes (values follow each keyword).
_bbctl_keywords()
{
	case "$1 $2" in
	"port add" | "port del" | "port show") echo dev ;;
	"stream add")
		echo dev id dst-mac src-mac src dst sport dport size xmit rate count ;;
	"stream start" | "stream stop" | "stream del" | "stream show") echo id ;;
	"trigger add") echo dev id src dst sport dport ;;
	"trigger del" | "trigger show") echo id ;;
	esac
}

_bbctl()
{
	local cur prev i obj="" cmd="" used=() words=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}

	# skip the options; find OBJECT and COMMAND
	for ((i = 1; i < COMP_CWORD; i++)); do
		case "${COMP_WORDS[i]}" in
		-*) [ -z "$obj" ] && continue ;;
		esac
		if [ -z "$obj" ]; then
			obj=${COMP_WORDS[i]}
		elif [ -z "$cmd" ]; then
			cmd=${COMP_WORDS[i]}
		else
			words+=("${COMP_WORDS[i]}")
		fi
	done

	if [ -z "$obj" ]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "-j --json -p --pretty -h --help -V --version" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "port stream trigger help" -- "$cur"))
		fi
		return
	fi
	if [ -z "$cmd" ]; then
		case "$obj" in
		port | trigger) COMPREPLY=($(compgen -W "add del show help" -- "$cur")) ;;
		stream) COMPREPLY=($(compgen -W "add del start stop show help" -- "$cur")) ;;
		esac
		return
	fi

	# a value is wanted when an odd number of argument words precede
	if (( ${#words[@]} % 2 == 1 )); then
		case "$prev" in
		dev) COMPREPLY=($(compgen -W "$(ls /sys/class/net 2>/dev/null)" -- "$cur")) ;;
		xmit) COMPREPLY=($(compgen -W "queue direct" -- "$cur")) ;;
		id) [ "$cmd" != add ] &&
			COMPREPLY=($(compgen -W "$(_bbctl_ids "$obj")" -- "$cur")) ;;
		esac
		return
	fi
	for ((i = 0; i < ${#words[@]}; i += 2)); do
		used+=("${words[i]}")
	done
	local kw out=()
	for kw in $(_bbctl_keywords "$obj" "$cmd"); do
		[[ " ${used[*]} " == *" $kw "* ]] || out+=("$kw")
	done
	COMPREPLY=($(compgen -W "${out[*]}" -- "$cur"))
}
complete -F _bbctl bbctl

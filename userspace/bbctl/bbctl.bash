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
	"port add") echo dev timestamping ;;
	"port del" | "port show") echo dev ;;
	"stream add")
		echo dev id dst-mac src-mac src dst sport dport size sizes imix \
			imix-order size-dist rate bitrate l2-speed count duration \
			delay vlan tpid dscp ecn tos latency xmit cpu ;;
	"stream start" | "stream stop" | "stream del" | "stream show") echo id ;;
	"trigger add")
		echo dev id src dst sport dport vlan latency range interval ;;
	"trigger del" | "trigger show" | "trigger history" | "trigger histogram")
		echo id ;;
	esac
}

# Keywords that take more than one value word, and how many.
_bbctl_nvals()
{
	case "$1" in
	size-dist) echo 5 ;;
	range) echo 2 ;;
	*) echo 1 ;;
	esac
}

# Keywords that may repeat.
_bbctl_repeats()
{
	[ "$1" = vlan ]
}

# The json files and directories, for a FILE word.
_bbctl_json_files()
{
	COMPREPLY+=($(compgen -f -X '!*.json' -- "$1") $(compgen -d -- "$1"))
}

# bbctl runs [list|show|import] and bbctl report RUN: keywords anywhere
# (a keyword may be written --keyword too: prev is taken without the --).
_bbctl_archive()
{
	local obj=$1 cmd=$2 prev=${3#--} cur=$4
	case "$prev" in
	archive | out) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	format) COMPREPLY=($(compgen -W "html json junit" -- "$cur")); return ;;
	esac
	if [ "$obj" = report ]; then
		COMPREPLY=($(compgen -W "format out archive" -- "$cur"))
	elif [ -z "$cmd" ] || [ "${cmd#--}" = archive ]; then
		COMPREPLY=($(compgen -W "list show import help archive" -- "$cur"))
	else
		COMPREPLY=($(compgen -W "archive" -- "$cur"))
		[ "$cmd" = import ] && _bbctl_json_files "$cur"
	fi
}

_bbctl()
{
	local cur prev i obj="" cmd="" used=() words=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}

	# skip the options; find OBJECT and COMMAND
	for ((i = 1; i < COMP_CWORD; i++)); do
		case "${COMP_WORDS[i]}" in
		-n | -netns | --netns) [ -z "$obj" ] && { i=$((i + 1)); continue; } ;;
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
		case "$prev" in
		-n | -netns | --netns)
			COMPREPLY=($(compgen -W "$(ls /run/netns 2> /dev/null)" -- "$cur"))
			return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "-j --json -p --pretty -n --netns -h --help -V --version" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "port stream trigger run scenario runs report http status stop capture support-bundle monitor help" -- "$cur"))
		fi
		return
	fi
	if [ "$obj" = runs ] || [ "$obj" = report ]; then
		_bbctl_archive "$obj" "$cmd" "$prev" "$cur"
		return
	fi
	case "$obj" in
	run)
		case "${prev#--}" in
		socket | map-file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
		report-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
		format) COMPREPLY=($(compgen -W "html json junit" -- "$cur")); return ;;
		map) return ;;
		esac
		COMPREPLY=($(compgen -W "report-dir format socket map map-file" -- "$cur"))
		_bbctl_json_files "$cur"
		return
		;;
	capture)
		case "$prev" in
		dev) COMPREPLY=($(compgen -W "$(ls /sys/class/net 2>/dev/null)" -- "$cur")) ;;
		netns) COMPREPLY=($(compgen -W "$(ls /run/netns 2>/dev/null)" -- "$cur")) ;;
		-w) COMPREPLY=($(compgen -f -- "$cur")) ;;
		promisc) COMPREPLY=($(compgen -W "on off" -- "$cur")) ;;
		filter | snaplen | count | duration) ;;
		*) COMPREPLY=($(compgen -W "dev netns filter snaplen count duration promisc -w" -- "$cur")) ;;
		esac
		return
		;;
	support-bundle)
		case "${prev#--}" in
		out | archive) COMPREPLY=($(compgen -f -- "$cur")) ;;
		runs) ;;
		*) COMPREPLY=($(compgen -W "out archive runs" -- "$cur")) ;;
		esac
		return
		;;
	monitor)
		[ "$prev" = count ] || COMPREPLY=($(compgen -W "count" -- "$cur"))
		return
		;;
	status | stop)
		if [ "${prev#--}" = socket ]; then
			COMPREPLY=($(compgen -f -- "$cur"))
		else
			COMPREPLY=($(compgen -W "socket" -- "$cur"))
		fi
		return
		;;
	esac
	if [ -z "$cmd" ]; then
		case "$obj" in
		port) COMPREPLY=($(compgen -W "add del show help" -- "$cur")) ;;
		stream) COMPREPLY=($(compgen -W "add del start stop show help" -- "$cur")) ;;
		trigger) COMPREPLY=($(compgen -W "add del show history histogram help" -- "$cur")) ;;
		scenario) COMPREPLY=($(compgen -W "check convert help" -- "$cur")) ;;
		http) COMPREPLY=($(compgen -W "get serve help" -- "$cur")) ;;
		esac
		return
	fi
	# http get URL; http serve [port P] [address A] [count N] [size B]
	if [ "$obj" = http ]; then
		case "$cmd:$prev" in
		serve:port | serve:address | serve:count | serve:size | get:*) ;;
		serve:*) COMPREPLY=($(compgen -W "port address count size" -- "$cur")) ;;
		esac
		return
	fi
	if [ "$obj $cmd" = "scenario check" ] || [ "$obj $cmd" = "scenario convert" ]; then
		case "${prev#--}" in
		map) return ;;
		map-file) COMPREPLY=($(compgen -f -- "$cur")) ; return ;;
		esac
		COMPREPLY=($(compgen -W "map map-file" -- "$cur"))
		_bbctl_json_files "$cur"
		return
	fi

	# walk KEYWORD VALUE... groups; a value is wanted if one is pending
	local kw="" left=0 n
	for ((i = 0; i < ${#words[@]}; i++)); do
		if ((left > 0)); then
			left=$((left - 1))
			continue
		fi
		kw=${words[i]}
		used+=("$kw")
		left=$(_bbctl_nvals "$kw")
	done
	if ((left > 0)); then
		n=$(($(_bbctl_nvals "$kw") - left))
		_bbctl_value "$obj" "$cmd" "$kw" "$n"
		return
	fi
	local out=()
	for kw in $(_bbctl_keywords "$obj" "$cmd"); do
		_bbctl_repeats "$kw" || [[ " ${used[*]} " != *" $kw "* ]] && out+=("$kw")
	done
	COMPREPLY=($(compgen -W "${out[*]}" -- "$cur"))
}

# _bbctl_value OBJECT COMMAND KEYWORD N: complete the Nth value (from 0).
_bbctl_value()
{
	local words=""
	case "$3 $4" in
	"dev 0") words=$(ls /sys/class/net 2>/dev/null) ;;
	"xmit 0") words="queue direct" ;;
	"latency 0") words="on off" ;;
	"imix 0") words="default" ;;
	"imix-order 0") words="fixed shuffle" ;;
	"l2-speed 0") words="frame frame_with_fcs physical" ;;
	"tpid 0") words="0x8100 0x88a8 0x9100" ;;
	"timestamping 0") words="software hardware" ;;
	"size-dist 0") words="normal" ;;
	"id 0") [ "$2" != add ] && words=$(_bbctl_ids "$1") ;;
	esac
	COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _bbctl bbctl

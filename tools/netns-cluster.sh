#!/usr/bin/env bash
# A pretend cluster on one Linux machine, for the multi-host tests (launcher's MultiHostIT) and for
# trying `--device mpj` across "hosts" by hand: Linux network namespaces joined by a bridge, each
# with its own address and its own /etc/hosts naming every node. Needs root and iproute2.
#
#   tools/netns-cluster.sh up [NODES]   head + NODES nodes (default 2); prints "name address" lines
#   tools/netns-cluster.sh exec NODE COMMAND...   runs COMMAND in NODE (head, node1, node2, ...)
#   tools/netns-cluster.sh ssh HOST COMMAND...   what ssh would do for ranks-NODE: runs COMMAND, one
#                                       string for a shell as sshd hands it over, in NODE; for
#                                       `launcher daemons --ssh "tools/netns-cluster.sh ssh"`
#   tools/netns-cluster.sh down         kills what runs in them, removes them and their /etc/netns
#
# Namespaces are PREFIX-sw (the bridge), PREFIX-head and PREFIX-node1..N; host names ranks-head and
# ranks-node1..N; addresses NET.10 (head), NET.11, NET.12, ... on NET.0/24. PREFIX is
# $RANKS_NETNS_PREFIX (default rkt), NET is $RANKS_NETNS_NET (default 10.77.0). Only these
# namespaces and addresses are ever touched: the machine's own network is left alone (the bridge
# lives in a namespace of its own). This machine's host name maps to the head's address in every
# node, because MPJ Express's rank JVMs connect back to the launching host by that name.
# `down` (and `up`, first) removes leftovers of earlier runs with the same prefix.
set -euo pipefail

prefix=${RANKS_NETNS_PREFIX:-rkt}
net=${RANKS_NETNS_NET:-10.77.0}

usage() {
    echo "usage: $0 up [NODES] | exec NODE COMMAND... | ssh HOST COMMAND... | down" >&2
    exit 2
}

namespaces() {
    ip netns list | awk '{print $1}' | grep -E "^${prefix}-(sw|head|node[0-9]+)$" || true
}

down() {
    local ns pid
    for ns in $(namespaces); do
        # Only processes inside our own namespaces, each by its id.
        for pid in $(ip netns pids "$ns" 2>/dev/null); do
            kill -9 "$pid" 2>/dev/null || true
        done
    done
    for ns in $(namespaces); do
        ip netns delete "$ns" 2>/dev/null || true
    done
    # Veth ends left in the root namespace by an interrupted `up`.
    for link in $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | sed 's/@.*//' | grep -E "^${prefix}v[0-9]+$" || true); do
        ip link delete "$link" 2>/dev/null || true
    done
    rm -rf /etc/netns/"${prefix}"-head /etc/netns/"${prefix}"-sw
    rm -rf /etc/netns/"${prefix}"-node[0-9]*
}

up() {
    local count=${1:-2}
    [[ $count =~ ^[1-9]$ ]] || { echo "$0: NODES must be 1 to 9, got '$count'" >&2; exit 2; }
    down
    local names=(head) i
    for ((i = 1; i <= count; i++)); do
        names+=("node$i")
    done
    ip netns add "$prefix-sw"
    ip -n "$prefix-sw" link add br0 type bridge
    ip -n "$prefix-sw" link set br0 up
    local hosts="127.0.0.1 localhost"$'\n'
    for i in "${!names[@]}"; do
        hosts+="$net.$((10 + i)) ranks-${names[$i]}"$'\n'
    done
    hosts+="$net.10 $(hostname)"$'\n'
    for i in "${!names[@]}"; do
        local name=${names[$i]} ns="$prefix-${names[$i]}" veth="${prefix}v$i"
        ip netns add "$ns"
        ip link add "$veth" type veth peer name eth0 netns "$ns"
        ip link set "$veth" netns "$prefix-sw"
        ip -n "$prefix-sw" link set "$veth" master br0 up
        ip -n "$ns" addr add "$net.$((10 + i))/24" dev eth0
        ip -n "$ns" link set eth0 up
        ip -n "$ns" link set lo up
        mkdir -p /etc/netns/"$ns"
        printf '%s' "$hosts" >/etc/netns/"$ns"/hosts
        echo "ranks-$name $net.$((10 + i))"
    done
}

case ${1:-} in
up)
    shift
    up "$@"
    ;;
exec)
    shift
    (($# >= 2)) || usage
    node=$1
    shift
    exec ip netns exec "$prefix-$node" "$@"
    ;;
ssh)
    shift
    (($# >= 2)) || usage
    host=$1
    shift
    [[ $host == ranks-* ]] || { echo "$0 ssh: unknown host '$host': expected ranks-head, ranks-node1, ..." >&2; exit 255; }
    exec ip netns exec "$prefix-${host#ranks-}" sh -c "$*"
    ;;
down)
    down
    ;;
*)
    usage
    ;;
esac

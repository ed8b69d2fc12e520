#!/usr/bin/env python3
"""Writes the primitive-array overloads of Intracomm between its GENERATED markers.

One thin public method per element type and form, each calling the private worker of its form
(the Open MPI Java bindings' habit, without their per-method branches). Run from the repository
root after changing a template: python3 tools/intracomm-overloads.py
"""
import re
import sys

PATH = "collectives/src/main/java/dev/ranks/collectives/Intracomm.java"
TYPES = ["byte", "short", "int", "long", "float", "double", "char", "boolean"]

# (name, params, javadoc summary, @param lines, body, async result[, blocking call])
# In bodies: T is the array type; results of async forms are the receive array. The blocking form
# runs the body's schedule, or makes the blocking call given: a blocking call on primitive arrays
# may run through shared memory or the device's own collectives, which have no schedule.
FORMS = [
    ("bcast", "T[] buf, int root",
     "Broadcasts the whole array from the root (MPI_Bcast).",
     ["buf the data at the root; filled with it elsewhere", "root the rank that has the data"],
     "bcastWork(buf, 0, length(buf), root)", "buf", "bcastNow(buf, 0, length(buf), root)"),
    ("bcast", "T[] buf, int offset, int count, int root",
     "Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).",
     ["buf the data at the root; filled with it elsewhere", "offset the first element", "count the number of elements",
      "root the rank that has the data"],
     "bcastWork(buf, offset, count, root)", "buf", "bcastNow(buf, offset, count, root)"),
    ("scatter", "T[] send, T[] recv, int root",
     "Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).",
     ["send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)",
      "recv this rank's block", "root the rank that has the data"],
     "scatterWork(send, null, null, recv, 0, length(recv), root, true)", "recv", "scatterNow(send, recv, root)"),
    ("scatterv", "T[] send, int[] counts, int[] displs, T[] recv, int root",
     "Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).",
     ["send at the root, the data; ignored elsewhere (may be null)", "counts at the root, each rank's count; ignored elsewhere",
      "displs at the root, where each rank's block starts in {@code send}; ignored elsewhere",
      "recv this rank's block: room for at least its count", "root the rank that has the data"],
     "scatterWork(send, counts, displs, recv, 0, length(recv), root, false)", "recv"),
    ("gather", "T[] send, T[] recv, int root",
     "Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).",
     ["send this rank's block", "recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)",
      "root the rank that receives"],
     "gatherWork(send, 0, length(send), recv, null, null, root, true)", "recv", "gatherNow(send, recv, root)"),
    ("gatherv", "T[] send, T[] recv, int[] counts, int[] displs, int root",
     "Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).",
     ["send this rank's block", "recv at the root, the receive buffer; ignored elsewhere (may be null)",
      "counts at the root, each rank's count; ignored elsewhere", "displs at the root, where each block goes; ignored elsewhere",
      "root the rank that receives"],
     "gatherWork(send, 0, length(send), recv, counts, displs, root, false)", "recv"),
    ("allgather", "T[] send, T[] recv",
     "Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).",
     ["send this rank's block", "recv room for {@code size()} blocks"],
     "allgatherWork(send, 0, length(send), recv, null, null, true)", "recv", "allgatherNow(send, length(send), recv)"),
    ("allgather", "T[] buf, int count",
     "Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.",
     ["buf {@code size()} blocks of {@code count} elements", "count the elements per rank"],
     "allgatherWork(null, 0, count, buf, null, null, true)", "buf", "allgatherNow(null, count, buf)"),
    ("allgatherv", "T[] send, T[] recv, int[] counts, int[] displs",
     "Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).",
     ["send this rank's block", "recv the receive buffer", "counts every rank's count", "displs where each block goes"],
     "allgatherWork(send, 0, length(send), recv, counts, displs, false)", "recv"),
    ("alltoall", "T[] send, T[] recv",
     "Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.",
     ["send {@code size()} blocks", "recv room for {@code size()} blocks"],
     "alltoallUniform(send, recv)", "recv", "alltoallNow(send, recv)"),
    ("alltoallv", "T[] send, int[] sendCounts, int[] sendDispls, T[] recv, int[] recvCounts, int[] recvDispls",
     "Alltoall with blocks of different sizes (MPI_Alltoallv).",
     ["send the data to send", "sendCounts the count for each rank", "sendDispls where each rank's block starts in {@code send}",
      "recv the receive buffer", "recvCounts the count from each rank", "recvDispls where each rank's block goes in {@code recv}"],
     "alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false)", "recv"),
    ("reduce", "T[] send, T[] recv, Op op, int root",
     "Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).",
     ["send this rank's data", "recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)",
      "op the operation", "root the rank that receives"],
     "reduceWork(op, send, 0, recv, 0, length(send), root)", "recv", "reduceNow(op, send, recv, root)"),
    ("reduce", "T[] buf, Op op, int root",
     "Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.",
     ["buf this rank's data; the result at the root", "op the operation", "root the rank that receives"],
     "reduceWork(op, buf, 0, buf, 0, length(buf), root)", "buf", "reduceNow(op, buf, buf, root)"),
    ("allreduce", "T[] send, T[] recv, Op op",
     "Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).",
     ["send this rank's data", "recv room for {@code send.length} elements", "op the operation"],
     "allreduceWork(op, send, 0, recv, 0, length(send))", "recv", "allreduceNow(op, send, 0, recv, 0, length(send))"),
    ("allreduce", "T[] buf, Op op",
     "Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).",
     ["buf this rank's data, replaced by the result", "op the operation"],
     "allreduceWork(op, buf, 0, buf, 0, length(buf))", "buf", "allreduceNow(op, buf, 0, buf, 0, length(buf))"),
    ("reduceScatter", "T[] send, T[] recv, int[] counts, Op op",
     "Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).",
     ["send this rank's data, the sum of {@code counts} elements", "recv room for {@code counts[rank()]} elements",
      "counts every rank's share", "op the operation"],
     "reduceScatterWork(op, send, recv, counts)", "recv"),
    ("scan", "T[] send, T[] recv, Op op",
     "Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).",
     ["send this rank's data", "recv room for {@code send.length} elements", "op the operation"],
     "scanWork(op, send, 0, recv, 0, length(send), false)", "recv"),
    ("scan", "T[] buf, Op op",
     "Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).",
     ["buf this rank's data, replaced by the prefix", "op the operation"],
     "scanWork(op, buf, 0, buf, 0, length(buf), false)", "buf"),
    ("exscan", "T[] send, T[] recv, Op op",
     "Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).",
     ["send this rank's data", "recv room for {@code send.length} elements", "op the operation"],
     "scanWork(op, send, 0, recv, 0, length(send), true)", "recv"),
    ("exscan", "T[] buf, Op op",
     "Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.",
     ["buf this rank's data, replaced by the prefix (except on rank 0)", "op the operation"],
     "scanWork(op, buf, 0, buf, 0, length(buf), true)", "buf"),
]


def method(t, name, params, summary, params_doc, body, result, blocking, async_):
    p = params.replace("T[]", t + "[]")
    lines = ["    /**"]
    if async_:
        lines.append("     * Starts the non-blocking form of: " + summary)
    else:
        lines.append("     * " + summary)
    lines.append("     *")
    for d in params_doc:
        lines.append("     * @param " + d)
    if async_:
        lines.append("     * @return the request; {@link CollectiveRequest#get()} returns {@code " + result + "}")
    lines.append("     */")
    if async_:
        lines.append("    public CollectiveRequest<%s[]> %sAsync(%s) {" % (t, name, p))
        lines.append("        return async(%s, () -> %s);" % (body, result))
    else:
        lines.append("    public void %s(%s) {" % (name, p))
        lines.append("        %s;" % (blocking or body + ".run()"))
    lines.append("    }")
    return "\n".join(lines)


def main():
    src = open(PATH).read()
    out = []
    for t in TYPES:
        out.append("\n    // %s[]\n" % t)
        for f in FORMS:
            form = f if len(f) == 7 else f + (None,)
            out.append(method(t, *form, False))
            out.append("")
            out.append(method(t, *form, True))
            out.append("")
    generated = "\n".join(out)
    new = re.sub(r"(    // GENERATED-BEGIN\n).*(    // GENERATED-END)",
                 lambda m: m.group(1) + generated + m.group(2), src, flags=re.S)
    if new == src and "GENERATED-BEGIN" not in src:
        sys.exit("markers not found in " + PATH)
    open(PATH, "w").write(new)


if __name__ == "__main__":
    main()

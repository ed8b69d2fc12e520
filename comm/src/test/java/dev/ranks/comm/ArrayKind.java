package dev.ranks.comm;

import dev.ranks.comm.testkit.Patterns;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * The eight primitive element types with every array overload of {@link Comm} bound to each, so
 * one test body can exercise all of them: {@code @EnumSource(ArrayKind.class)}.
 */
enum ArrayKind {
    BYTE(ElementType.BYTE,
            (c, b, o, n, p, t) -> c.send((byte[]) b, o, n, p, t),
            (c, b, p, t) -> c.send((byte[]) b, p, t),
            (c, b, o, n, p, t) -> c.ssend((byte[]) b, o, n, p, t),
            (c, b, p, t) -> c.ssend((byte[]) b, p, t),
            (c, b, o, n, p, t) -> c.isend((byte[]) b, o, n, p, t),
            (c, b, p, t) -> c.isend((byte[]) b, p, t),
            (c, b, o, n, p, t) -> c.recv((byte[]) b, o, n, p, t),
            (c, b, p, t) -> c.recv((byte[]) b, p, t),
            (c, b, o, n, p, t) -> c.irecv((byte[]) b, o, n, p, t),
            (c, b, p, t) -> c.irecv((byte[]) b, p, t),
            (c, s, so, sn, d, st, r, ro, rn, src, rt) -> c.sendrecv((byte[]) s, so, sn, d, st, (byte[]) r, ro, rn, src, rt),
            (c, b, o, n, d, st, src, rt) -> c.sendrecvReplace((byte[]) b, o, n, d, st, src, rt)),
    SHORT(ElementType.SHORT,
            (c, b, o, n, p, t) -> c.send((short[]) b, o, n, p, t),
            (c, b, p, t) -> c.send((short[]) b, p, t),
            (c, b, o, n, p, t) -> c.ssend((short[]) b, o, n, p, t),
            (c, b, p, t) -> c.ssend((short[]) b, p, t),
            (c, b, o, n, p, t) -> c.isend((short[]) b, o, n, p, t),
            (c, b, p, t) -> c.isend((short[]) b, p, t),
            (c, b, o, n, p, t) -> c.recv((short[]) b, o, n, p, t),
            (c, b, p, t) -> c.recv((short[]) b, p, t),
            (c, b, o, n, p, t) -> c.irecv((short[]) b, o, n, p, t),
            (c, b, p, t) -> c.irecv((short[]) b, p, t),
            (c, s, so, sn, d, st, r, ro, rn, src, rt) -> c.sendrecv((short[]) s, so, sn, d, st, (short[]) r, ro, rn, src, rt),
            (c, b, o, n, d, st, src, rt) -> c.sendrecvReplace((short[]) b, o, n, d, st, src, rt)),
    INT(ElementType.INT,
            (c, b, o, n, p, t) -> c.send((int[]) b, o, n, p, t),
            (c, b, p, t) -> c.send((int[]) b, p, t),
            (c, b, o, n, p, t) -> c.ssend((int[]) b, o, n, p, t),
            (c, b, p, t) -> c.ssend((int[]) b, p, t),
            (c, b, o, n, p, t) -> c.isend((int[]) b, o, n, p, t),
            (c, b, p, t) -> c.isend((int[]) b, p, t),
            (c, b, o, n, p, t) -> c.recv((int[]) b, o, n, p, t),
            (c, b, p, t) -> c.recv((int[]) b, p, t),
            (c, b, o, n, p, t) -> c.irecv((int[]) b, o, n, p, t),
            (c, b, p, t) -> c.irecv((int[]) b, p, t),
            (c, s, so, sn, d, st, r, ro, rn, src, rt) -> c.sendrecv((int[]) s, so, sn, d, st, (int[]) r, ro, rn, src, rt),
            (c, b, o, n, d, st, src, rt) -> c.sendrecvReplace((int[]) b, o, n, d, st, src, rt)),
    LONG(ElementType.LONG,
            (c, b, o, n, p, t) -> c.send((long[]) b, o, n, p, t),
            (c, b, p, t) -> c.send((long[]) b, p, t),
            (c, b, o, n, p, t) -> c.ssend((long[]) b, o, n, p, t),
            (c, b, p, t) -> c.ssend((long[]) b, p, t),
            (c, b, o, n, p, t) -> c.isend((long[]) b, o, n, p, t),
            (c, b, p, t) -> c.isend((long[]) b, p, t),
            (c, b, o, n, p, t) -> c.recv((long[]) b, o, n, p, t),
            (c, b, p, t) -> c.recv((long[]) b, p, t),
            (c, b, o, n, p, t) -> c.irecv((long[]) b, o, n, p, t),
            (c, b, p, t) -> c.irecv((long[]) b, p, t),
            (c, s, so, sn, d, st, r, ro, rn, src, rt) -> c.sendrecv((long[]) s, so, sn, d, st, (long[]) r, ro, rn, src, rt),
            (c, b, o, n, d, st, src, rt) -> c.sendrecvReplace((long[]) b, o, n, d, st, src, rt)),
    FLOAT(ElementType.FLOAT,
            (c, b, o, n, p, t) -> c.send((float[]) b, o, n, p, t),
            (c, b, p, t) -> c.send((float[]) b, p, t),
            (c, b, o, n, p, t) -> c.ssend((float[]) b, o, n, p, t),
            (c, b, p, t) -> c.ssend((float[]) b, p, t),
            (c, b, o, n, p, t) -> c.isend((float[]) b, o, n, p, t),
            (c, b, p, t) -> c.isend((float[]) b, p, t),
            (c, b, o, n, p, t) -> c.recv((float[]) b, o, n, p, t),
            (c, b, p, t) -> c.recv((float[]) b, p, t),
            (c, b, o, n, p, t) -> c.irecv((float[]) b, o, n, p, t),
            (c, b, p, t) -> c.irecv((float[]) b, p, t),
            (c, s, so, sn, d, st, r, ro, rn, src, rt) -> c.sendrecv((float[]) s, so, sn, d, st, (float[]) r, ro, rn, src, rt),
            (c, b, o, n, d, st, src, rt) -> c.sendrecvReplace((float[]) b, o, n, d, st, src, rt)),
    DOUBLE(ElementType.DOUBLE,
            (c, b, o, n, p, t) -> c.send((double[]) b, o, n, p, t),
            (c, b, p, t) -> c.send((double[]) b, p, t),
            (c, b, o, n, p, t) -> c.ssend((double[]) b, o, n, p, t),
            (c, b, p, t) -> c.ssend((double[]) b, p, t),
            (c, b, o, n, p, t) -> c.isend((double[]) b, o, n, p, t),
            (c, b, p, t) -> c.isend((double[]) b, p, t),
            (c, b, o, n, p, t) -> c.recv((double[]) b, o, n, p, t),
            (c, b, p, t) -> c.recv((double[]) b, p, t),
            (c, b, o, n, p, t) -> c.irecv((double[]) b, o, n, p, t),
            (c, b, p, t) -> c.irecv((double[]) b, p, t),
            (c, s, so, sn, d, st, r, ro, rn, src, rt) -> c.sendrecv((double[]) s, so, sn, d, st, (double[]) r, ro, rn, src, rt),
            (c, b, o, n, d, st, src, rt) -> c.sendrecvReplace((double[]) b, o, n, d, st, src, rt)),
    CHAR(ElementType.CHAR,
            (c, b, o, n, p, t) -> c.send((char[]) b, o, n, p, t),
            (c, b, p, t) -> c.send((char[]) b, p, t),
            (c, b, o, n, p, t) -> c.ssend((char[]) b, o, n, p, t),
            (c, b, p, t) -> c.ssend((char[]) b, p, t),
            (c, b, o, n, p, t) -> c.isend((char[]) b, o, n, p, t),
            (c, b, p, t) -> c.isend((char[]) b, p, t),
            (c, b, o, n, p, t) -> c.recv((char[]) b, o, n, p, t),
            (c, b, p, t) -> c.recv((char[]) b, p, t),
            (c, b, o, n, p, t) -> c.irecv((char[]) b, o, n, p, t),
            (c, b, p, t) -> c.irecv((char[]) b, p, t),
            (c, s, so, sn, d, st, r, ro, rn, src, rt) -> c.sendrecv((char[]) s, so, sn, d, st, (char[]) r, ro, rn, src, rt),
            (c, b, o, n, d, st, src, rt) -> c.sendrecvReplace((char[]) b, o, n, d, st, src, rt)),
    BOOLEAN(ElementType.BOOLEAN,
            (c, b, o, n, p, t) -> c.send((boolean[]) b, o, n, p, t),
            (c, b, p, t) -> c.send((boolean[]) b, p, t),
            (c, b, o, n, p, t) -> c.ssend((boolean[]) b, o, n, p, t),
            (c, b, p, t) -> c.ssend((boolean[]) b, p, t),
            (c, b, o, n, p, t) -> c.isend((boolean[]) b, o, n, p, t),
            (c, b, p, t) -> c.isend((boolean[]) b, p, t),
            (c, b, o, n, p, t) -> c.recv((boolean[]) b, o, n, p, t),
            (c, b, p, t) -> c.recv((boolean[]) b, p, t),
            (c, b, o, n, p, t) -> c.irecv((boolean[]) b, o, n, p, t),
            (c, b, p, t) -> c.irecv((boolean[]) b, p, t),
            (c, s, so, sn, d, st, r, ro, rn, src, rt) -> c.sendrecv((boolean[]) s, so, sn, d, st, (boolean[]) r, ro, rn, src, rt),
            (c, b, o, n, d, st, src, rt) -> c.sendrecvReplace((boolean[]) b, o, n, d, st, src, rt));

    interface SliceSend {
        void apply(Comm comm, Object buf, int offset, int count, int peer, int tag);
    }

    interface WholeSend {
        void apply(Comm comm, Object buf, int peer, int tag);
    }

    interface SliceStart {
        Request apply(Comm comm, Object buf, int offset, int count, int peer, int tag);
    }

    interface WholeStart {
        Request apply(Comm comm, Object buf, int peer, int tag);
    }

    interface SliceRecv {
        Status apply(Comm comm, Object buf, int offset, int count, int peer, int tag);
    }

    interface WholeRecv {
        Status apply(Comm comm, Object buf, int peer, int tag);
    }

    interface Exchange {
        Status apply(Comm comm, Object sendBuf, int sendOffset, int sendCount, int dest, int sendTag,
                     Object recvBuf, int recvOffset, int recvCount, int source, int recvTag);
    }

    interface Replace {
        Status apply(Comm comm, Object buf, int offset, int count, int dest, int sendTag, int source, int recvTag);
    }

    final ElementType type;
    private final SliceSend send;
    private final WholeSend sendWhole;
    private final SliceSend ssend;
    private final WholeSend ssendWhole;
    private final SliceStart isend;
    private final WholeStart isendWhole;
    private final SliceRecv recv;
    private final WholeRecv recvWhole;
    private final SliceStart irecv;
    private final WholeStart irecvWhole;
    private final Exchange sendrecv;
    private final Replace sendrecvReplace;

    ArrayKind(ElementType type, SliceSend send, WholeSend sendWhole, SliceSend ssend, WholeSend ssendWhole,
              SliceStart isend, WholeStart isendWhole, SliceRecv recv, WholeRecv recvWhole, SliceStart irecv,
              WholeStart irecvWhole, Exchange sendrecv, Replace sendrecvReplace) {
        this.type = type;
        this.send = send;
        this.sendWhole = sendWhole;
        this.ssend = ssend;
        this.ssendWhole = ssendWhole;
        this.isend = isend;
        this.isendWhole = isendWhole;
        this.recv = recv;
        this.recvWhole = recvWhole;
        this.irecv = irecv;
        this.irecvWhole = irecvWhole;
        this.sendrecv = sendrecv;
        this.sendrecvReplace = sendrecvReplace;
    }

    Object pattern(int count, int seed) {
        return Patterns.of(type, count, seed);
    }

    void send(Comm comm, Object buf, int offset, int count, int dest, int tag) {
        send.apply(comm, buf, offset, count, dest, tag);
    }

    void send(Comm comm, Object buf, int dest, int tag) {
        sendWhole.apply(comm, buf, dest, tag);
    }

    void ssend(Comm comm, Object buf, int offset, int count, int dest, int tag) {
        ssend.apply(comm, buf, offset, count, dest, tag);
    }

    void ssend(Comm comm, Object buf, int dest, int tag) {
        ssendWhole.apply(comm, buf, dest, tag);
    }

    Request isend(Comm comm, Object buf, int offset, int count, int dest, int tag) {
        return isend.apply(comm, buf, offset, count, dest, tag);
    }

    Request isend(Comm comm, Object buf, int dest, int tag) {
        return isendWhole.apply(comm, buf, dest, tag);
    }

    Status recv(Comm comm, Object buf, int offset, int count, int source, int tag) {
        return recv.apply(comm, buf, offset, count, source, tag);
    }

    Status recv(Comm comm, Object buf, int source, int tag) {
        return recvWhole.apply(comm, buf, source, tag);
    }

    Request irecv(Comm comm, Object buf, int offset, int count, int source, int tag) {
        return irecv.apply(comm, buf, offset, count, source, tag);
    }

    Request irecv(Comm comm, Object buf, int source, int tag) {
        return irecvWhole.apply(comm, buf, source, tag);
    }

    Status sendrecv(Comm comm, Object sendBuf, int sendOffset, int sendCount, int dest, int sendTag,
                    Object recvBuf, int recvOffset, int recvCount, int source, int recvTag) {
        return sendrecv.apply(comm, sendBuf, sendOffset, sendCount, dest, sendTag, recvBuf, recvOffset, recvCount,
                source, recvTag);
    }

    Status sendrecvReplace(Comm comm, Object buf, int offset, int count, int dest, int sendTag, int source,
                           int recvTag) {
        return sendrecvReplace.apply(comm, buf, offset, count, dest, sendTag, source, recvTag);
    }

    /**
     * What a receive buffer should hold after receiving {@code count} elements of {@code sent} from
     * {@code sendOffset} into {@code before} at {@code recvOffset}: the rest stays as it was.
     */
    static Object expected(Object before, Object sent, int sendOffset, int recvOffset, int count) {
        int length = Array.getLength(before);
        Object copy = Array.newInstance(before.getClass().getComponentType(), length);
        System.arraycopy(before, 0, copy, 0, length);
        System.arraycopy(sent, sendOffset, copy, recvOffset, count);
        return copy;
    }

    static Object copyOf(Object array) {
        int length = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), length);
        System.arraycopy(array, 0, copy, 0, length);
        return copy;
    }

    /** The elements boxed, so assertEquals compares any primitive array and prints it on failure. */
    static List<Object> boxed(Object array) {
        int length = Array.getLength(array);
        List<Object> list = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            list.add(Array.get(array, i));
        }
        return list;
    }
}

package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The launcher's end of the ranks' control connections, spoken to as dev.ranks.mpj.MpjControl
 * speaks (its Javadoc has the wire format): a rank's stderr text is handed on at once, and the
 * world rank a rank names after MPI.Init replaces the one of its hello; a traced job's ranks
 * send their parts of the trace when asked.
 */
class MpjControlServerTest {
    @Test
    void stderrIsHandedOnAndTheWorldRankReplacesTheHellosRank() throws Exception {
        List<String> stderr = new CopyOnWriteArrayList<>();
        try (MpjControlServer server = new MpjControlServer(stderr::add);
             Socket rank = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            DataOutputStream out = new DataOutputStream(rank.getOutputStream());
            // hybdev's arguments number each host's ranks from 0: world rank 3 says hello as 1.
            out.writeUTF(MpjControlServer.GREETING);
            out.writeUTF(server.token());
            out.writeInt(1);
            out.writeLong(4242);
            out.writeUTF("node2");
            out.writeByte('R');
            out.writeInt(3);
            byte[] text = "a warning\n".getBytes(StandardCharsets.UTF_8);
            out.writeByte('E');
            out.writeInt(3);
            out.writeInt(text.length);
            out.write(text);
            out.writeByte('D');
            out.writeInt(0);
            out.flush();

            assertEquals(new MpjControlServer.Hello(1, 4242, "node2"), server.next(10_000));
            MpjControlServer.Event done = server.next(10_000);

            assertEquals(new MpjControlServer.Done(3, 0), done);
            assertEquals(List.of("a warning\n"), stderr);
            rank.close();
            assertInstanceOf(MpjControlServer.Closed.class, server.next(10_000));
        }
    }

    @Test
    void aRankAskedForItsPartOfTheTraceSendsIt() throws Exception {
        try (MpjControlServer server = new MpjControlServer(text -> { });
             Socket rank = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            DataOutputStream out = new DataOutputStream(rank.getOutputStream());
            out.writeUTF(MpjControlServer.GREETING);
            out.writeUTF(server.token());
            out.writeInt(2);
            out.writeLong(4242);
            out.writeUTF("node1");
            out.flush();
            assertEquals(new MpjControlServer.Hello(2, 4242, "node1"), server.next(10_000));
            Thread answer = new Thread(() -> {
                try {
                    assertEquals(MpjControlServer.TRACE_REQUEST, rank.getInputStream().read());
                    byte[] part = "{\"name\":\"send\"}".getBytes(StandardCharsets.UTF_8);
                    out.writeByte('T');
                    out.writeInt(2);
                    out.writeInt(part.length);
                    out.write(part);
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            answer.start();

            server.collectTraceParts(10_000);

            answer.join();
            assertEquals(List.of("{\"name\":\"send\"}"), List.copyOf(server.traceParts()));
        }
    }
}

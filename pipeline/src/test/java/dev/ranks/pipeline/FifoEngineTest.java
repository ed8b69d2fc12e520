package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FifoEngineTest extends EngineContract {
    private Path dir;
    private FifoWorker worker;
    private FifoWorker second;

    @Override
    Engine open() {
        try {
            dir = Files.createTempDirectory("ranks-fifo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        worker = FifoWorker.serve(dir, TaskRegistry.load(), 2, System.err);
        second = FifoWorker.serve(dir, TaskRegistry.load(), 1, System.err);
        return Engines.open("fifo", EngineConfig.defaults().withFifoDir(dir));
    }

    @AfterEach
    void stopWorkers() throws IOException {
        // Runs before the superclass's @AfterEach, so the engine is closed here first.
        engine.close();
        worker.close();
        second.close();
        try (var files = Files.list(dir)) {
            List<String> left = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of("requests"), left, "the client and workers clean up after themselves");
        }
        Files.delete(dir.resolve("requests"));
        Files.delete(dir);
    }

    /**
     * The request pipe is the directory's meeting point, not a worker's: it stays when the last
     * worker stops (docs/pipeline.md says why), and the next worker and client use it as it is.
     */
    @Test
    void theRequestsPipeOutlivesItsWorkersForTheNextOnes() {
        engine.close();
        worker.close();
        second.close();
        assertTrue(Fifos.isFifo(dir.resolve(Fifos.REQUESTS)), "requests stays a named pipe");
        RanksException none = assertThrows(RanksException.class,
                () -> Engines.open("fifo", EngineConfig.defaults().withFifoDir(dir)));
        assertTrue(none.getMessage().contains("no live worker"), none::getMessage);
        worker = FifoWorker.serve(dir, TaskRegistry.load(), 1, System.err);
        second = worker;
        engine = Engines.open("fifo", EngineConfig.defaults().withFifoDir(dir));
        assertEquals(9L, engine.submit(List.of(Call.of("square", 3))).await().get(0).value());
    }

    @Test
    void countsTheThreadsOfEveryLiveWorker() {
        assertEquals(3, engine.workers());
    }

    @Test
    void twoClientsShareTheWorkers() {
        try (Engine other = Engines.open("fifo", EngineConfig.defaults().withFifoDir(dir))) {
            Batch a = engine.submit(List.of(Call.of("echo", "a"), Call.of("square", 3)));
            Batch b = other.submit(List.of(Call.of("echo", "b"), Call.of("square", 4)));
            assertEquals(16L, b.await().get(1).value());
            assertEquals("a", a.await().get(0).value());
            assertEquals("b", b.await().get(0).value());
        }
    }

    @Test
    void aMissingDirectoryOrPipeOrWorkerIsAClearError() throws IOException {
        RanksException missing = assertThrows(RanksException.class,
                () -> new FifoEngine(EngineConfig.defaults().withFifoDir(dir.resolve("nope"))));
        assertEquals(ErrorClass.ARG, missing.errorClass());
        assertTrue(missing.getMessage().contains("nope does not exist") && missing.getMessage().contains(
                "launcher worker --fifo"), missing.getMessage());
        Path empty = Files.createTempDirectory("ranks-fifo-empty");
        RanksException noPipe = assertThrows(RanksException.class,
                () -> new FifoEngine(EngineConfig.defaults().withFifoDir(empty)));
        assertTrue(noPipe.getMessage().contains("has no request pipe 'requests'"), noPipe.getMessage());
        Fifos.mkfifo(empty.resolve("requests"));
        RanksException noWorker = assertThrows(RanksException.class,
                () -> new FifoEngine(EngineConfig.defaults().withFifoDir(empty)));
        assertTrue(noWorker.getMessage().contains("no live worker serves"), noWorker.getMessage());
        assertTrue(assertThrows(RanksException.class, () -> new FifoEngine(EngineConfig.defaults()))
                .getMessage().contains("--fifo-dir"));
        Files.delete(empty.resolve("requests"));
        Files.delete(empty);
    }

    @Test
    void offLinuxTheEngineIsUnavailableNamingTheSystem() {
        String os = System.getProperty("os.name");
        System.setProperty("os.name", "Windows 11");
        try {
            RanksException e = assertThrows(RanksException.class,
                    () -> new FifoEngine(EngineConfig.defaults().withFifoDir(dir)));
            assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
            assertTrue(e.getMessage().contains("unavailable on Windows 11: expected Linux"), e.getMessage());
        } finally {
            System.setProperty("os.name", os);
        }
    }

    @Test
    void aRequestLargerThanOneAtomicWriteIsRefused() {
        RanksException e = assertThrows(RanksException.class,
                () -> engine.submit(List.of(Call.of("echo", "y".repeat(5000)))));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("under 4096 bytes"), e.getMessage());
    }
}

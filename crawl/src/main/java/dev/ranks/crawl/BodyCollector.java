package dev.ranks.crawl;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a limit, then cancels the stream: the limit caps memory and time on
 * a huge page and a cancelled stream stops the transfer (HTTP/1.1 closes the connection, HTTP/2
 * resets only the stream). Bodies we do not keep (error pages, redirects, non-HTML) are read and
 * counted up to a small limit so that a short body leaves an HTTP/1.1 connection reusable.
 * {@link #cancel()} lets the fetcher abandon a body that outlives the read timeout.
 */
final class BodyCollector implements HttpResponse.BodySubscriber<BodyCollector.Body> {
    /** The bytes read, their count and whether more were offered than the limit. */
    record Body(byte[] bytes, long count, boolean cut) {
    }

    private final long limit;
    private final boolean keep;
    private final int status;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long count;

    BodyCollector(int status, long limit, boolean keep) {
        this.status = status;
        this.limit = limit;
        this.keep = keep;
    }

    /** @return the status of the response whose body this reads, known once headers arrived */
    int status() {
        return status;
    }

    /** @return the body bytes received so far */
    synchronized long count() {
        return count;
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        boolean cancelNow;
        synchronized (this) {
            subscription = s;
            cancelNow = result.isDone();
        }
        if (cancelNow) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        Flow.Subscription s;
        boolean cut = false;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                int n = b.remaining();
                long room = limit - count;
                int take = (int) Math.min(n, room);
                if (keep && take > 0) {
                    byte[] chunk = new byte[take];
                    b.get(chunk);
                    out.write(chunk, 0, take);
                }
                count += take;
                if (n > room) {
                    cut = true;
                    break;
                }
            }
            s = subscription;
        }
        if (cut) {
            complete(true);
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        complete(false);
    }

    private void complete(boolean cut) {
        byte[] bytes;
        long n;
        synchronized (this) {
            bytes = out.toByteArray();
            n = count;
        }
        result.complete(new Body(bytes, n, cut));
    }

    /** Stops reading: the body is abandoned, and the transfer stops once the client notices. */
    void cancel() {
        Flow.Subscription s;
        synchronized (this) {
            s = subscription;
        }
        result.cancel(false);
        if (s != null) {
            s.cancel();
        }
    }
}

package dev.ranks.workloads.tasks;

import dev.ranks.pipeline.Python;
import dev.ranks.pipeline.Task;
import dev.ranks.pipeline.TaskContext;
import java.util.List;
import java.util.Map;

/**
 * {@code crawl_task(url)}: Palach's web crawler task, which returns the message
 * {@code "The task <task id> found the following links [<links>].."}, the id being the call's own
 * ({@link TaskContext#currentId()}) and the links the page's first two ({@code links[:2]} in the book,
 * whose screenshots show two), printed as Python prints a list of strings
 * ({@code ['http://a/', 'http://b/']}). The page is fetched as {@code crawl_page} fetches it (robots.txt,
 * politeness, redirects; the links are absolute, in page order, without repeats), with the same
 * {@code delay_ms} keyword. A page that cannot be fetched fails the task, as the book's
 * {@code requests.get} raises; {@code crawl_page} is the one that records such a page as data.
 */
public final class CrawlTask implements Task {
    /** How many of the page's links the message shows, as the book's does. */
    private static final int SHOWN = 2;

    private final CrawlPageTask page = new CrawlPageTask();

    /** Creates the task. */
    public CrawlTask() {
    }

    @Override
    public String name() {
        return "crawl_task";
    }

    @Override
    public Object run(List<Object> args, Map<String, Object> kwargs) {
        Map<?, ?> record = (Map<?, ?>) page.run(args, kwargs);
        Object error = record.get("error_kind");
        if (error != null) {
            throw new IllegalStateException("crawl_task could not fetch " + record.get("url") + ": " + error
                    + (record.get("error") == null ? "" : ": " + record.get("error")));
        }
        List<?> links = record.get("links") == null ? List.of() : (List<?>) record.get("links");
        return "The task " + TaskContext.currentId() + " found the following links "
                + Python.repr(links.subList(0, Math.min(SHOWN, links.size()))) + "..";
    }

    @Override
    public void check(List<Object> args, Map<String, Object> kwargs) {
        page.check(args, kwargs);
    }
}

package dev.ranks.pipeline.redis;

import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The Lua scripts that make each queue operation atomic on the server, so that a worker killed
 * at any instant leaves every message either in its queue or in kombu's unacknowledged set
 * ({@code unacked} hash plus {@code unacked_index} sorted set), never nowhere. The layout is
 * kombu's, so Celery workers and Ranks workers sharing a broker restore each other's lost
 * messages.
 */
final class Scripts {
    /**
     * Pops up to ARGV[2] messages from the lists KEYS[5..] (a queue and its priority lists, in
     * priority order) and records each as unacknowledged at time ARGV[1]; a message without a
     * delivery tag cannot be tracked, so it goes straight to the dead-letter list KEYS[3].
     * Returns tag, message pairs, and keeps them under the worker's key KEYS[4] with the fetch id
     * ARGV[5]: a fetch repeated because its reply was lost (the connection dropped) gets the same
     * messages again instead of leaving them unacknowledged until the visibility timeout.
     */
    static final String FETCH = """
            if redis.call('HGET', KEYS[4], 'id') == ARGV[5] then
              return cjson.decode(redis.call('HGET', KEYS[4], 'pairs'))
            end
            local out = {}
            local max = tonumber(ARGV[2])
            for i = 5, #KEYS do
              while #out < 2 * max do
                local raw = redis.call('RPOP', KEYS[i])
                if not raw then break end
                local ok, msg = pcall(cjson.decode, raw)
                local tag, ex, rk
                if ok and type(msg) == 'table' and type(msg.properties) == 'table' then
                  tag = msg.properties.delivery_tag
                  local info = msg.properties.delivery_info
                  if type(info) == 'table' then ex = info.exchange; rk = info.routing_key end
                end
                if type(tag) ~= 'string' or tag == '' then
                  local why = ok and 'properties.delivery_tag is missing' or 'the message is not JSON'
                  redis.call('LPUSH', KEYS[3], cjson.encode({reason = why, queue = ARGV[3],
                      time = tonumber(ARGV[1]), worker = ARGV[4], message = raw}))
                else
                  if type(ex) ~= 'string' then ex = '' end
                  if type(rk) ~= 'string' then rk = ARGV[3] end
                  redis.call('ZADD', KEYS[2], ARGV[1], tag)
                  redis.call('HSET', KEYS[1], tag, '[' .. raw .. ',' .. cjson.encode(ex) .. ',' .. cjson.encode(rk) .. ']')
                  out[#out + 1] = tag
                  out[#out + 1] = raw
                end
              end
            end
            if #out > 0 then
              redis.call('HSET', KEYS[4], 'id', ARGV[5], 'pairs', cjson.encode(out))
              redis.call('EXPIRE', KEYS[4], 600)
            else
              redis.call('DEL', KEYS[4])
            end
            return out
            """;

    /**
     * Ends deliveries, many at once so that a worker of short tasks makes one round trip per batch.
     * For each: stores the task state under its key with the expiry and publishes it, unless a
     * success is already stored (Celery keeps the first success when a redelivered task runs
     * twice); pushes the push value onto the push key (a retry's new message, or a dead letter);
     * then acknowledges the tag. Empty arguments skip a step. KEYS are {@code unacked} and
     * {@code unacked_index}; ARGV[1] is the expiry in seconds (0: none), then five arguments per
     * delivery: tag, state key, state, push key, push value.
     */
    static final String FINISH_MANY = """
            local expires = tonumber(ARGV[1])
            for i = 2, #ARGV, 5 do
              local tag, key, state, pushKey, pushValue = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
              if state ~= '' then
                local current = redis.call('GET', key)
                if not (current and string.find(current, '"status":%s*"SUCCESS"')) then
                  if expires > 0 then
                    redis.call('SET', key, state, 'EX', expires)
                  else
                    redis.call('SET', key, state)
                  end
                  redis.call('PUBLISH', key, state)
                end
              end
              if pushValue ~= '' then redis.call('LPUSH', pushKey, pushValue) end
              if tag ~= '' then
                redis.call('ZREM', KEYS[2], tag)
                redis.call('HDEL', KEYS[1], tag)
              end
            end
            return 1
            """;

    /**
     * Puts unacknowledged messages back at the consuming end of their queues, marked redelivered
     * as kombu marks them: the one tag ARGV[3] when given (a worker handing back what it will not
     * run), otherwise up to ARGV[2] of those delivered before time ARGV[1] (the visibility
     * timeout). Returns how many went back.
     */
    static final String RESTORE = """
            local tags
            if ARGV[3] and ARGV[3] ~= '' then
              tags = {ARGV[3]}
            else
              tags = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            end
            local n = 0
            for _, tag in ipairs(tags) do
              local entry = redis.call('HGET', KEYS[1], tag)
              redis.call('ZREM', KEYS[2], tag)
              redis.call('HDEL', KEYS[1], tag)
              if entry then
                local ok, t = pcall(cjson.decode, entry)
                if ok and type(t) == 'table' and type(t[1]) == 'table' then
                  local p = t[1]
                  if type(p.headers) == 'table' then p.headers.redelivered = true end
                  if type(p.properties) == 'table' and type(p.properties.delivery_info) == 'table' then
                    p.properties.delivery_info.redelivered = true
                  end
                  local queue = t[3]
                  if type(t[2]) == 'string' and t[2] ~= '' then
                    for _, binding in ipairs(redis.call('SMEMBERS', '_kombu.binding.' .. t[2])) do
                      local key, pattern, q = string.match(binding, '^(.-)\\6\\22(.-)\\6\\22(.*)$')
                      if key == t[3] or key == '' then queue = q end
                    end
                  end
                  redis.call('RPUSH', queue, cjson.encode(p))
                  n = n + 1
                end
              end
            end
            return n
            """;

    /**
     * Finds where task ids are: for each id in ARGV, the first place whose message holds it, as
     * {@code unacked} for KEYS[1] (delivered, not acknowledged) or the name of the list KEYS[2..]
     * (a queue, a priority list, a dead-letter list), else an empty string, followed by that
     * message as stored (an {@code unacked} entry, a queue's message, a dead letter), else an empty
     * string: two strings per id. A task id is a UUID, so finding it as plain text in a raw message
     * is finding that message. One script, so that a message moving between a queue and
     * {@code unacked} meanwhile is not missed.
     */
    static final String LOCATE = """
            local found, held, left = {}, {}, #ARGV
            local function look(raw, where)
              for i = 1, #ARGV do
                if not found[i] and string.find(raw, ARGV[i], 1, true) then
                  found[i] = where
                  held[i] = raw
                  left = left - 1
                end
              end
            end
            local cursor = '0'
            repeat
              local page = redis.call('HSCAN', KEYS[1], cursor, 'COUNT', 1000)
              cursor = page[1]
              for j = 2, #page[2], 2 do look(page[2][j], KEYS[1]) end
            until cursor == '0' or left == 0
            for k = 2, #KEYS do
              local n = redis.call('LLEN', KEYS[k])
              local from = 0
              while from < n and left > 0 do
                for _, raw in ipairs(redis.call('LRANGE', KEYS[k], from, from + 999)) do look(raw, KEYS[k]) end
                from = from + 1000
              end
            end
            local out = {}
            for i = 1, #ARGV do
              out[2 * i - 1] = found[i] or ''
              out[2 * i] = held[i] or ''
            end
            return out
            """;

    /**
     * Moves a dead letter's message back to its queue: removes the letter ARGV[1] from the
     * dead-letter list KEYS[1] and, when it was there, pushes its message ARGV[2] onto the
     * consuming end of the queue KEYS[2], where a restored message goes. Returns 1 when moved.
     */
    static final String REQUEUE = """
            if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 1 then
              redis.call('RPUSH', KEYS[2], ARGV[2])
              return 1
            end
            return 0
            """;

    private Scripts() {
    }

    /**
     * Runs a script by its digest, loading it first when the server does not have it (a restarted
     * server forgets its scripts).
     */
    static Object run(Jedis redis, String script, List<String> keys, List<String> args) {
        String sha = Digests.sha1(script);
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.eval(script, keys, args);
        }
    }

    /** SHA-1 digests of scripts, computed once each. */
    private static final class Digests {
        private static final java.util.Map<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static String sha1(String script) {
            return CACHE.computeIfAbsent(script, s -> {
                try {
                    byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(SafeEncoder.encode(s));
                    StringBuilder hex = new StringBuilder();
                    for (byte b : digest) {
                        hex.append(String.format("%02x", b));
                    }
                    return hex.toString();
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException("the JVM has no SHA-1", e);
                }
            });
        }
    }
}

package dev.livetools.session;

import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tool call a session has seen, by id, and where its answer is. The guarantees it backs:
 * <ul>
 *   <li>a call id runs at most once per session, however often the server announces it (as a {@code toolCall},
 *       as a {@code functionCall} part, or again after a resumption);</li>
 *   <li>an answer that finished while no connection was usable waits here and is sent after resumption;</li>
 *   <li>an answer written to a connection counts as delivered only once a later frame arrives on that connection;
 *       if the connection drops first, the answer is sent again on the next one;</li>
 *   <li>calls that can no longer be answered are handed back so the application can be told.</li>
 * </ul>
 * Not thread-safe: the session calls it under its lock. Channels are opaque connection identities.
 */
final class CallLedger {

    /** What an announcement of a call means. */
    public enum Announcement {
        /** A call never seen: run it. */
        NEW,
        /** Seen before on the same connection (e.g. functionCall part plus toolCall): ignore. */
        DUPLICATE,
        /** Seen on an earlier connection; its answers (if any) are queued again for the current one. */
        REANNOUNCED
    }

    /** The life of a call in the ledger. */
    public enum Status { RUNNING, ANSWERED, CANCELLED, UNANSWERED }

    /** What became of a response handed in by the tool runner. */
    public enum Acceptance { FINAL, PARTIAL, DROPPED, UNKNOWN }

    /** One call. */
    public static final class Entry {
        private final String id;
        private final String name;
        private final long queuedNanos;
        private Object announcedOn;
        private Status status = Status.RUNNING;
        private final List<FunctionResponse> delivered = new ArrayList<>();

        private Entry(String id, String name, long queuedNanos, Object announcedOn) {
            this.id = id;
            this.name = name;
            this.queuedNanos = queuedNanos;
            this.announcedOn = announcedOn;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        public long queuedNanos() {
            return queuedNanos;
        }

        public Status status() {
            return status;
        }
    }

    private record Outgoing(Entry entry, FunctionResponse response) {
    }

    private record InFlight(Entry entry, FunctionResponse response, Object channel) {
    }

    private final int capacity;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Deque<Outgoing> pending = new ArrayDeque<>();
    private final List<InFlight> inFlight = new ArrayList<>();

    public CallLedger(int capacity) {
        this.capacity = capacity;
    }

    public Announcement announce(FunctionCall call, Object channel, long nowNanos) {
        Entry known = entries.get(call.id());
        if (known == null) {
            entries.put(call.id(), new Entry(call.id(), call.name(), nowNanos, channel));
            evictSettled();
            return Announcement.NEW;
        }
        if (known.announcedOn == channel) {
            return Announcement.DUPLICATE;
        }
        known.announcedOn = channel;
        if (known.status == Status.ANSWERED && !hasPendingOrInFlight(known)) {
            // The server asks again after a resumption: it evidently lacks the answer, so send it again.
            for (FunctionResponse r : known.delivered) {
                pending.addLast(new Outgoing(known, r));
            }
            known.delivered.clear();
        }
        return Announcement.REANNOUNCED;
    }

    public Entry get(String id) {
        return entries.get(id);
    }

    /** Takes a runner's response for a ledgered call. */
    public Acceptance accept(FunctionResponse response) {
        Entry e = entries.get(response.id());
        if (e == null) {
            return Acceptance.UNKNOWN;
        }
        if (e.status != Status.RUNNING) {
            return Acceptance.DROPPED;
        }
        pending.addLast(new Outgoing(e, response));
        if (Boolean.TRUE.equals(response.willContinue())) {
            return Acceptance.PARTIAL;
        }
        e.status = Status.ANSWERED;
        return Acceptance.FINAL;
    }

    /** The responses waiting to be written, in the order they were produced; now in flight on {@code channel}. */
    public List<FunctionResponse> drainPending(Object channel) {
        List<FunctionResponse> out = new ArrayList<>(pending.size());
        for (Outgoing o : pending) {
            inFlight.add(new InFlight(o.entry, o.response, channel));
            out.add(o.response);
        }
        pending.clear();
        return out;
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /** A frame arrived on {@code channel}: everything written to it before is delivered. */
    public void confirm(Object channel) {
        if (inFlight.isEmpty()) {
            return;
        }
        Iterator<InFlight> it = inFlight.iterator();
        while (it.hasNext()) {
            InFlight f = it.next();
            if (f.channel == channel) {
                f.entry.delivered.add(f.response);
                it.remove();
            }
        }
        evictSettled();
    }

    /** {@code channel} is gone: what was written to it but not confirmed goes back to the front of the queue. */
    public int lost(Object channel) {
        List<Outgoing> back = new ArrayList<>();
        Iterator<InFlight> it = inFlight.iterator();
        while (it.hasNext()) {
            InFlight f = it.next();
            if (f.channel == channel) {
                back.add(new Outgoing(f.entry, f.response));
                it.remove();
            }
        }
        for (int i = back.size() - 1; i >= 0; i--) {
            pending.addFirst(back.get(i));
        }
        return back.size();
    }

    /** Cancels the given ids: running calls and answers not yet written. Returns the entries cancelled. */
    public List<Entry> cancel(Collection<String> ids) {
        List<Entry> cancelled = new ArrayList<>();
        for (String id : ids) {
            Entry e = entries.get(id);
            if (e == null) {
                continue;
            }
            boolean unsent = pending.removeIf(o -> o.entry == e);
            if (e.status == Status.RUNNING || (e.status == Status.ANSWERED && unsent)) {
                e.status = Status.CANCELLED;
                cancelled.add(e);
            }
        }
        return cancelled;
    }

    /**
     * Gives up on every call whose answer has not been delivered: the session ended or continues as a new session
     * that never heard of them. Returns those entries, now {@link Status#UNANSWERED}. When the client itself closes
     * the connection cleanly, what was written goes out before the close frame, so it counts as delivered.
     */
    public List<Entry> abandonOutstanding(boolean writtenCountsAsDelivered) {
        if (writtenCountsAsDelivered) {
            for (InFlight f : inFlight) {
                f.entry.delivered.add(f.response);
            }
            inFlight.clear();
        }
        List<Entry> abandoned = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.status == Status.RUNNING || (e.status == Status.ANSWERED && hasPendingOrInFlight(e))) {
                e.status = Status.UNANSWERED;
                abandoned.add(e);
            }
        }
        pending.clear();
        inFlight.clear();
        return abandoned;
    }

    private boolean hasPendingOrInFlight(Entry e) {
        for (Outgoing o : pending) {
            if (o.entry == e) {
                return true;
            }
        }
        for (InFlight f : inFlight) {
            if (f.entry == e) {
                return true;
            }
        }
        return false;
    }

    /** Old settled calls are forgotten beyond the capacity; their ids stay unique in practice (opaque counters/UUIDs). */
    private void evictSettled() {
        if (entries.size() <= capacity) {
            return;
        }
        Iterator<Entry> it = entries.values().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            Entry e = it.next();
            if (e.status != Status.RUNNING && !hasPendingOrInFlight(e)) {
                it.remove();
            }
        }
    }
}

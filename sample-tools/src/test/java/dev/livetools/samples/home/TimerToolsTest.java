package dev.livetools.samples.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.sdk.Scheduling;
import dev.livetools.sdk.ToolException;
import dev.livetools.sdk.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TimerToolsTest {

    private final TestHome home = new TestHome();
    private final HomeTools tools = home.tools;
    private final ExecutorService calls = Executors.newCachedThreadPool();

    @AfterEach
    void stopCalls() throws InterruptedException {
        calls.shutdownNow();
        assertThat(calls.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTimerAcknowledgesAtOnceThenAnswersWhenItRings() throws Exception {
        RecordingContext context = new RecordingContext();
        Future<ToolResult> call = calls.submit(() -> tools.startTimer(600, "pasta", context));

        assertThat(context.nextPartial()).isEqualTo(Map.of("status", "started", "label", "pasta",
                "duration", "10 minutes", "ringsAt", "09:10:00"));
        home.time.advance(Duration.ofMinutes(9));
        assertThat(call.isDone()).isFalse();

        home.time.advance(Duration.ofMinutes(1));
        ToolResult result = call.get(2, TimeUnit.SECONDS);
        assertThat(result.value()).isEqualTo(Map.of("status", "done", "label", "pasta",
                "message", "The pasta timer is done (10 minutes)."));
        assertThat(result.scheduling()).as("the tool's WHEN_IDLE default applies").isEmpty();
    }

    @Test
    void aTimerWithoutALabelIsNamedByItsLength() throws Exception {
        RecordingContext context = new RecordingContext();
        calls.submit(() -> tools.startTimer(90, null, context));

        assertThat(context.nextPartial()).asString().contains("label=1 minute 30 seconds");
    }

    @Test
    void homeStatusShowsRunningTimersWithTimeLeft() throws Exception {
        RecordingContext context = new RecordingContext();
        calls.submit(() -> tools.startTimer(300, "tea", context));
        context.nextPartial();
        home.time.advance(Duration.ofSeconds(60));

        assertThat(tools.homeStatus().get("summary")).asString().endsWith("Running: timer 'tea', 4 minutes left.");
    }

    @Test
    void cancelTimerEndsThePendingCallSilently() throws Exception {
        RecordingContext context = new RecordingContext();
        Future<ToolResult> call = calls.submit(() -> tools.startTimer(600, "pasta", context));
        context.nextPartial();
        home.time.advance(Duration.ofMinutes(4));

        Map<String, Object> cancelled = tools.cancelTimer("the pasta timer");

        assertThat(cancelled).containsEntry("status", "cancelled").containsEntry("kind", "timer")
                .containsEntry("label", "pasta").containsEntry("hadLeft", "6 minutes")
                .containsEntry("stillRunning", List.of());
        ToolResult result = call.get(2, TimeUnit.SECONDS);
        assertThat(result.value()).isEqualTo(Map.of("status", "cancelled", "label", "pasta"));
        assertThat(result.scheduling()).contains(Scheduling.SILENT);
        assertThat(home.time.pending()).as("the countdown is unscheduled").isZero();
    }

    @Test
    void theHostCancellingTheCallStopsTheTimer() throws Exception {
        RecordingContext context = new RecordingContext();
        Future<ToolResult> call = calls.submit(() -> tools.startTimer(600, "pasta", context));
        context.nextPartial();

        context.cancel();

        assertThat(call.get(2, TimeUnit.SECONDS).value()).isEqualTo(Map.of("status", "cancelled", "label", "pasta"));
        assertThat(tools.homeStatus().get("timers")).isEqualTo(List.of());
    }

    @Test
    void interruptingTheCallingThreadStopsTheTimer() throws Exception {
        RecordingContext context = new RecordingContext();
        Future<ToolResult> call = calls.submit(() -> tools.startTimer(600, "pasta", context));
        context.nextPartial();

        call.cancel(true);

        waitUntil(() -> home.time.pending() == 0);
        assertThat(tools.homeStatus().get("timers")).isEqualTo(List.of());
    }

    @Test
    void aSecondTimerWithTheSameLabelIsRefused() throws Exception {
        RecordingContext context = new RecordingContext();
        calls.submit(() -> tools.startTimer(600, "pasta", context));
        context.nextPartial();

        assertThatThrownBy(() -> tools.startTimer(60, "Pasta", new RecordingContext()))
                .isInstanceOf(ToolException.class)
                .hasMessage("A timer called 'pasta' is already running with 10 minutes left. Cancel it first or "
                        + "choose another label.");
    }

    @Test
    void cancellingWithSeveralRunningAndNoLabelListsThem() throws Exception {
        RecordingContext first = new RecordingContext();
        RecordingContext second = new RecordingContext();
        calls.submit(() -> tools.startTimer(600, "pasta", first));
        calls.submit(() -> tools.startTimer(120, "eggs", second));
        first.nextPartial();
        second.nextPartial();

        assertThatThrownBy(() -> tools.cancelTimer(null))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Several timers and reminders are running; say which: "
                            + "eggs (timer, 2 minutes left), pasta (timer, 10 minutes left).");
                    assertThat(e.details()).containsKey("running");
                });
    }

    @Test
    void cancellingAnUnknownLabelListsWhatRuns() throws Exception {
        RecordingContext context = new RecordingContext();
        calls.submit(() -> tools.startTimer(600, "pasta", context));
        context.nextPartial();

        assertThatThrownBy(() -> tools.cancelTimer("rice"))
                .isInstanceOf(ToolException.class)
                .hasMessage("No timer or reminder called 'rice'. Running: pasta (timer, 10 minutes left).");
    }

    @Test
    void cancellingWhenNothingRunsSaysSo() {
        assertThatThrownBy(() -> tools.cancelTimer(null))
                .isInstanceOf(ToolException.class).hasMessage("No timer or reminder is running.");
    }

    @Test
    void aReminderInMinutesAcknowledgesThenDeliversItsMessage() throws Exception {
        RecordingContext context = new RecordingContext();
        Future<ToolResult> call = calls.submit(() -> tools.setReminder("take the bins out", 45, null, context));

        assertThat(context.nextPartial()).isEqualTo(Map.of("status", "scheduled", "message", "take the bins out",
                "at", "09:45", "in", "45 minutes"));
        home.time.advance(Duration.ofMinutes(45));

        assertThat(call.get(2, TimeUnit.SECONDS).value()).isEqualTo(Map.of("status", "due",
                "message", "take the bins out", "scheduledFor", "09:45"));
    }

    @Test
    void aReminderAtAnEarlierTimeOfDayIsForTomorrow() throws Exception {
        RecordingContext context = new RecordingContext();
        calls.submit(() -> tools.setReminder("water the plants", null, "8:15 am", context));

        assertThat(context.nextPartial()).isEqualTo(Map.of("status", "scheduled", "message", "water the plants",
                "at", "08:15", "in", "23 hours 15 minutes"));
    }

    @Test
    void aReminderAtALaterTimeOfDayIsForToday() throws Exception {
        RecordingContext context = new RecordingContext();
        calls.submit(() -> tools.setReminder("call mum", null, "18:30", context));

        assertThat(context.nextPartial()).asString().contains("in=9 hours 30 minutes");
    }

    @Test
    void aReminderIsCancelledByItsText() throws Exception {
        RecordingContext context = new RecordingContext();
        Future<ToolResult> call = calls.submit(() -> tools.setReminder("call mum", 30, null, context));
        context.nextPartial();

        assertThat(tools.cancelTimer("the reminder to call mum")).containsEntry("kind", "reminder");
        assertThat(call.get(2, TimeUnit.SECONDS).scheduling()).contains(Scheduling.SILENT);
    }

    @Test
    void aReminderNeedsExactlyOneOfInMinutesAndAt() {
        assertThatThrownBy(() -> tools.setReminder("x", null, null, new RecordingContext()))
                .isInstanceOf(ToolException.class).hasMessageStartingWith("Say when:");
        assertThatThrownBy(() -> tools.setReminder("x", 5, "18:00", new RecordingContext()))
                .isInstanceOf(ToolException.class).hasMessage("Give either inMinutes or at, not both.");
    }

    @Test
    void anUnreadableTimeOfDayIsRefusedWithExamples() {
        assertThatThrownBy(() -> tools.setReminder("x", null, "teatime", new RecordingContext()))
                .isInstanceOf(ToolException.class)
                .hasMessage("'teatime' is not a time of day; use e.g. 18:30, 6:30 pm or 7am.");
        assertThatThrownBy(() -> tools.setReminder("x", null, "25:00", new RecordingContext()))
                .isInstanceOf(ToolException.class);
        assertThatThrownBy(() -> tools.setReminder("x", null, "13pm", new RecordingContext()))
                .isInstanceOf(ToolException.class);
    }

    @Test
    void timesOfDayAreReadForgivingly() {
        assertThat(List.of("18:30", "6:30 pm", "6:30pm", "18.30", "6.30 p.m.").stream()
                .map(HomeTools::parseTimeOfDay).distinct().toList()).singleElement().hasToString("18:30");
        assertThat(HomeTools.parseTimeOfDay("12am")).hasToString("00:00");
        assertThat(HomeTools.parseTimeOfDay("12 pm")).hasToString("12:00");
        assertThat(HomeTools.parseTimeOfDay("7")).hasToString("07:00");
    }

    @Test
    void atMostTwentyCountdownsRun() throws Exception {
        for (int i = 0; i < 20; i++) {
            RecordingContext c = new RecordingContext();
            int n = i;
            calls.submit(() -> tools.startTimer(60 + n, "t" + n, c));
            c.nextPartial();
        }

        assertThatThrownBy(() -> tools.startTimer(60, "one too many", new RecordingContext()))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("20 timers and reminders are already running; cancel one first.");
    }

    @Test
    void closingTheToolsEndsEveryPendingTimer() throws Exception {
        RecordingContext context = new RecordingContext();
        Future<ToolResult> call = calls.submit(() -> tools.startTimer(600, "pasta", context));
        context.nextPartial();

        tools.close();

        assertThat(call.get(2, TimeUnit.SECONDS).value()).isEqualTo(Map.of("status", "cancelled", "label", "pasta"));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 2 s");
            }
            Thread.sleep(5);
        }
    }
}

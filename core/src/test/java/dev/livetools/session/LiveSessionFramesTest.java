package dev.livetools.session;

import dev.livetools.protocol.ClientContent;
import dev.livetools.protocol.ContextWindowCompression;
import dev.livetools.protocol.RealtimeInput;
import dev.livetools.protocol.Setup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.TEXT_YEAH;
import static dev.livetools.session.SessionTestSupport.TURN_COMPLETE_USAGE;
import static dev.livetools.session.SessionTestSupport.WAIT;
import static dev.livetools.session.SessionTestSupport.builder;
import static org.assertj.core.api.Assertions.assertThat;

/** What arrives (malformed and unknown frames, every event kind) and what the send API writes. */
@Timeout(40)
class LiveSessionFramesTest {

    @Test
    void malformedFramesAreLoggedReportedAndSkippedAndTheSessionCarriesOn() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).sendRawBinary("{\"serverContent\": {").sendRawText("[]")
                        .sendRawBinary("{\"toolCall\":{\"functionCalls\":[{\"name\":42}]}}").sendSample(TEXT_YEAH);
            }
        });
             LiveSession session = builder(server, null, events).connect()) {
            events.await(SessionEvent.Text.class, t -> t.text().equals("Yeah"));
            assertThat(events.ofType(SessionEvent.MalformedFrame.class)).extracting(SessionEvent.MalformedFrame::problem)
                    .hasSize(3).anySatisfy(p -> assertThat(p).contains("not valid JSON"))
                    .anySatisfy(p -> assertThat(p).contains("toolCall.functionCalls[0].name"));
            assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void unknownMessageKindsAndFieldsAreIgnoredWithoutComplaint() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE)
                        .sendRawBinary("{\n  \"brandNewKind\": {\"x\": 1}\n}\n")
                        .sendRawBinary("{\"serverContent\":{\"interactionStatus\":\"IDLE\",\"modelTurn\":{\"parts\":"
                                + "[{\"text\":\"hi\",\"thoughtSignature\":\"abc\"}]}}}")
                        .sendSample(TURN_COMPLETE_USAGE);
            }
        });
             LiveSession session = builder(server, null, events).connect()) {
            events.await(SessionEvent.TurnComplete.class, t -> true);
            assertThat(events.ofType(SessionEvent.Text.class)).extracting(SessionEvent.Text::text).containsExactly("hi");
            assertThat(events.ofType(SessionEvent.MalformedFrame.class)).isEmpty();
        }
    }

    @Test
    void everyKindOfServerContentBecomesAnEvent() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE)
                        .sendSample("rec-vertex-server-modelTurn-inlineData-audio.json")
                        .sendSample("rec-vertex-server-outputTranscription-empty.json")
                        .sendSample("rec-mldev-server-outputTranscription-1.json")
                        .sendSample("sdktest-python-serverContent-inputTranscription-finished.json")
                        .sendSample("sdktest-python-voiceActivityDetectionSignal.json")
                        .sendSample("shape-serverContent-interrupted.NOT-CAPTURED.json")
                        .sendSample("rec-mldev-server-generationComplete.json")
                        .sendSample("sdktest-python-serverContent-turnCompleteReason-waitingForInput.json");
            }
        });
             LiveSession session = builder(server, null, events).connect()) {
            SessionEvent.TurnComplete done = events.await(SessionEvent.TurnComplete.class, t -> true);
            assertThat(done.reason()).isEqualTo("NEED_MORE_INPUT");
            assertThat(done.waitingForInput()).isTrue();
            assertThat(events.ofType(SessionEvent.Audio.class)).singleElement()
                    .satisfies(a -> assertThat(a.chunk().bytes().length).isGreaterThan(1000));
            assertThat(events.ofType(SessionEvent.Transcript.class)).containsExactly(
                    new SessionEvent.Transcript(SessionEvent.Direction.OUTPUT, "We", false),
                    new SessionEvent.Transcript(SessionEvent.Direction.INPUT, "test_input", true));
            assertThat(events.ofType(SessionEvent.VoiceActivity.class)).extracting(SessionEvent.VoiceActivity::type)
                    .containsExactly("VAD_SIGNAL_TYPE_SOS");
            List<String> order = events.all().stream().map(e -> e.getClass().getSimpleName())
                    .filter(n -> n.equals("Interrupted") || n.equals("GenerationComplete") || n.equals("TurnComplete"))
                    .toList();
            assertThat(order).containsExactly("Interrupted", "GenerationComplete", "TurnComplete");
        }
    }

    @Test
    void eventsArePublishedToFlowSubscribersAndCompleteOnClose() throws Exception {
        List<SessionEvent> received = new ArrayList<>();
        CompletableFuture<Void> completed = new CompletableFuture<>();
        CountDownLatch text = new CountDownLatch(1);
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            } else if (m instanceof ClientContent) {
                peer.sendSample(TEXT_YEAH);
            }
        })) {
            try (LiveSession session = builder(server, null, new EventRecorder()).connect()) {
                session.events().subscribe(new Flow.Subscriber<>() {
                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(SessionEvent item) {
                        synchronized (received) {
                            received.add(item);
                        }
                        if (item instanceof SessionEvent.Text) {
                            text.countDown();
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        completed.completeExceptionally(t);
                    }

                    @Override
                    public void onComplete() {
                        completed.complete(null);
                    }
                });
                session.sendText("are you there?");
                assertThat(text.await(5, TimeUnit.SECONDS)).isTrue();
                session.close();
                completed.get(5, TimeUnit.SECONDS);
                synchronized (received) {
                    assertThat(received).contains(new SessionEvent.Text("Yeah", false));
                    assertThat(received.get(received.size() - 1)).isInstanceOfSatisfying(SessionEvent.Connection.class,
                            c -> assertThat(c.state()).isEqualTo(ConnectionState.CLOSED));
                }
            }
        }
    }

    @Test
    void theSendApiWritesEachMessageKind() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             LiveSession session = builder(server, null, new EventRecorder()).connect()) {
            session.sendText("hello");
            session.sendRealtimeText("realtime");
            session.sendAudio(new byte[]{1, 0, 2, 0});
            session.sendVideoFrame(new byte[]{(byte) 0xFF, (byte) 0xD8});
            session.activityStart();
            session.activityEnd();
            session.audioStreamEnd();
            List<ScriptedLiveServer.Event> sent = server.await(e -> e.message() != null && !(e.message() instanceof Setup),
                    7, WAIT);
            assertThat(sent.get(0).message()).isEqualTo(ClientContent.userTurn("hello"));
            assertThat(sent.subList(1, 7)).extracting(ScriptedLiveServer.Event::message).containsExactly(
                    RealtimeInput.text("realtime"), RealtimeInput.audio(new byte[]{1, 0, 2, 0}),
                    RealtimeInput.jpegFrame(new byte[]{(byte) 0xFF, (byte) 0xD8}), RealtimeInput.startOfActivity(),
                    RealtimeInput.endOfActivity(), RealtimeInput.endOfAudioStream());
        }
    }

    @Test
    void concurrentSendsArriveWholeAndAllOfThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             LiveSession session = builder(server, null, new EventRecorder()).connect()) {
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 50; i++) {
                        session.sendRealtimeText(thread + ":" + i);
                    }
                }, pool));
            }
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            List<ScriptedLiveServer.Event> texts = server.await(e -> e.message() instanceof RealtimeInput, 200, WAIT);
            assertThat(texts).extracting(e -> ((RealtimeInput) e.message()).text()).doesNotHaveDuplicates()
                    .hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void contextWindowCompressionAndTranscriptionAreConfigurable() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> peer.sendSample(SETUP_COMPLETE));
             LiveSession session = builder(server, null, new EventRecorder())
                     .contextWindowCompression(ContextWindowCompression.withSlidingWindow(25600, 12800))
                     .outputTranscription(true).voice("Kore").connect()) {
            Setup setup = (Setup) server.received(e -> e.message() instanceof Setup).get(0).message();
            assertThat(setup.contextWindowCompression().triggerTokens()).isEqualTo(25600);
            assertThat(setup.contextWindowCompression().slidingWindow().targetTokens()).isEqualTo(12800);
            assertThat(setup.outputAudioTranscription()).isNotNull();
            assertThat(setup.generationConfig().speechConfig().voiceName()).isEqualTo("Kore");
            assertThat(session.setup()).isEqualTo(setup);
        }
    }

    @Test
    void sessionResumptionCanBeTurnedOff() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> peer.sendSample(SETUP_COMPLETE));
             LiveSession session = builder(server, null, new EventRecorder()).sessionResumption(false).connect()) {
            Setup setup = (Setup) server.received(e -> e.message() instanceof Setup).get(0).message();
            assertThat(setup.sessionResumption()).isNull();
        }
    }

    @Test
    void aSessionCanResumeFromAGivenHandle() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> peer.sendSample(SETUP_COMPLETE));
             LiveSession session = builder(server, null, new EventRecorder()).resumeFrom("earlier").connect()) {
            Setup setup = (Setup) server.received(e -> e.message() instanceof Setup).get(0).message();
            assertThat(setup.sessionResumption().handle()).isEqualTo("earlier");
        }
    }
}

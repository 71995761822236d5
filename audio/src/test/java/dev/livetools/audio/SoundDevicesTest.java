package dev.livetools.audio;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioSystem;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** On a machine without a sound card (servers, CI, this project's build machine) the devices say so in one line. */
class SoundDevicesTest {

    @Test
    void withoutASoundCardTheMicrophoneReportsItInOneLine() {
        assumeTrue(AudioSystem.getMixerInfo().length == 0, "this machine has a sound device");

        assertThatThrownBy(MicrophoneInput::open)
                .isInstanceOf(AudioDeviceUnavailableException.class)
                .hasMessage("no microphone: this machine has no sound device");
    }

    @Test
    void withoutASoundCardTheSpeakerReportsItInOneLine() {
        assumeTrue(AudioSystem.getMixerInfo().length == 0, "this machine has a sound device");

        assertThatThrownBy(SpeakerOutput::open)
                .isInstanceOf(AudioDeviceUnavailableException.class)
                .hasMessage("no speaker: this machine has no sound device");
    }
}

package org.netstreamfx.player.sink;

/**
 * A sound output device.
 *
 * @param id            what {@link JavaSoundAudioSink#JavaSoundAudioSink(String)} and
 *                      {@code nsfx play --audio-device} take: {@value AudioOutputs#SYSTEM_DEFAULT}
 *                      for the system's default output (which follows the system's choice), or a
 *                      Java Sound mixer's name
 * @param name          for people
 * @param systemDefault true for the entry that follows the system's default output
 */
public record AudioOutput(String id, String name, boolean systemDefault) {
}

/**
 * One play of a stream, below the Flash API: the playback thread and its pipeline
 * ({@link org.netstreamfx.player.session.PlaybackSession}), what plays now and the work queued for
 * it ({@link org.netstreamfx.player.session.CurrentPlay}, {@link org.netstreamfx.player.session.StreamWorker}),
 * the RTMP stream's commands ({@link org.netstreamfx.player.session.RtmpPlay}) and the recording of
 * what plays ({@link org.netstreamfx.player.session.PlayRecording}).
 *
 * <p>Why a package of its own: {@code net/} is the API (NetConnection, NetStream, NetStatus) and
 * nothing below it imports it. The sessions report typed events
 * ({@link org.netstreamfx.player.session.SessionEvent}, the core's
 * {@link org.netstreamfx.player.playback.CoreEvent}) to a
 * {@link org.netstreamfx.player.session.SessionHost}, which {@code net/} implements and turns into
 * NetStatus events; and {@code playback/} stays the clock-driven core, free of RTMP and recording.
 */
package org.netstreamfx.player.session;

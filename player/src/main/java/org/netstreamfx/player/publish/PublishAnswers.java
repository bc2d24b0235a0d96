package org.netstreamfx.player.publish;

import java.io.IOException;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.rtmp.client.Answer;
import org.netstreamfx.player.rtmp.client.Command;

/**
 * How a {@link PublishSession} takes the server's answers to its calls: releaseStream, FCPublish
 * and FCUnpublish are answered or not as the server likes, and createStream's stream id is
 * checked as the play side checks it.
 */
final class PublishAnswers {
    /** For releaseStream, FCPublish, FCUnpublish: servers without them answer _error, which is fine. */
    static final Answer IGNORED = new Answer() {
        @Override
        public void result(Command result) {
        }

        @Override
        public void error(Command error) {
        }

        @Override
        public void failed(String description, boolean malformed) {
        }
    };

    private PublishAnswers() {
    }

    /** The stream id of a createStream answer (RTMP 7.2.1.3). */
    static int streamId(Command result) throws IOException {
        AmfValue v = result.payload();
        if (v instanceof AmfNumber n && n.value() >= 1 && n.value() <= Integer.MAX_VALUE
                && n.value() == Math.rint(n.value())) {
            return (int) n.value();
        }
        throw new IOException("malformed createStream answer: stream id " + v
                + " must be an integer 1..2147483647 (RTMP 7.2.1.3)");
    }
}

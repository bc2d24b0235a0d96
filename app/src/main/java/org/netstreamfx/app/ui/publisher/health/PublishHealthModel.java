package org.netstreamfx.app.ui.publisher.health;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netstreamfx.app.health.ProfileFiles;
import org.netstreamfx.player.health.Finding;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.health.Profiles;
import org.netstreamfx.player.health.Rule;
import org.netstreamfx.player.publish.PublishHealth;

/**
 * The health of what the publisher sends, as the view shows it: the profile chosen (a built-in
 * name or a user's file), a {@link HealthLight} per rule group, the findings (what is wrong and
 * what to change), and the live figures the rules judge: the bit rates sent against those set,
 * the encoder's lag, the keyframe interval measured against the one set. Fed a
 * {@link HealthReport} of the live stream (four times a second) or of a "Check my stream" run.
 *
 * <p>Threads: FX thread only.
 */
public final class PublishHealthModel {
    /** What a figure shows before anything was measured. */
    static final String NONE = "—";

    private final ReadOnlyStringWrapper profileName = new ReadOnlyStringWrapper(this, "profileName",
            Profiles.GENERIC.name());
    private final Map<Rule.Group, ReadOnlyObjectWrapper<HealthLight>> lights = new EnumMap<>(Rule.Group.class);
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper videoRate = new ReadOnlyStringWrapper(this, "videoRate", NONE);
    private final ReadOnlyStringWrapper audioRate = new ReadOnlyStringWrapper(this, "audioRate", NONE);
    private final ReadOnlyStringWrapper encoderLag = new ReadOnlyStringWrapper(this, "encoderLag", NONE);
    private final ReadOnlyStringWrapper keyframes = new ReadOnlyStringWrapper(this, "keyframes", NONE);
    private final StreamChecker checker;
    private double keyframeSetS;

    /** @param checker runs "Check my stream" and shows its report here */
    public PublishHealthModel(StreamChecker checker) {
        this.checker = checker;
        for (Rule.Group g : Rule.Group.values()) {
            lights.put(g, new ReadOnlyObjectWrapper<>(this, g.name(), HealthLight.UNKNOWN));
        }
    }

    /** Judges by {@code nameOrFile} from the next session or check: generic, youtube, twitch or a JSON file. */
    public void setProfileName(String nameOrFile) {
        profileName.set(nameOrFile == null || nameOrFile.isBlank() ? Profiles.GENERIC.name() : nameOrFile.strip());
    }

    /** The profile chosen; IllegalArgumentException saying what is wrong with a user's file. */
    public Profile profile() {
        return ProfileFiles.resolve(profileName.get());
    }

    /** A new session or check, whose encoder is set to a keyframe every {@code keyframeSetS}: nothing judged yet. */
    public void start(double keyframeSetS) {
        this.keyframeSetS = keyframeSetS;
        lights.values().forEach(l -> l.set(HealthLight.UNKNOWN));
        findings.clear();
        videoRate.set(NONE);
        audioRate.set(NONE);
        encoderLag.set(NONE);
        keyframes.set(NONE);
    }

    /** Shows {@code r} (null: nothing judged yet, nothing changes). */
    public void show(HealthReport r) {
        if (r == null) {
            return;
        }
        lights.forEach((g, l) -> l.set(HealthLight.of(g, r.active())));
        List<String> lines = r.findings().stream().filter(f -> !f.cleared()).map(PublishHealthModel::line).toList();
        if (!lines.equals(findings)) {
            findings.setAll(lines);
        }
        for (Map<String, Object> t : r.tracks()) {
            Object declared = t.get("declaredKbps");
            String rate = String.format(Locale.ROOT, "%.0f of %s kbit/s", number(t.get("kbps1s")),
                    declared == null ? NONE : String.format(Locale.ROOT, "%.0f", number(declared)));
            if ("video".equals(t.get("kind"))) {
                videoRate.set(rate);
                keyframes.set(t.get("keyframeIntervalMaxS") == null ? NONE : String.format(Locale.ROOT,
                        "mean %.2f s, max %.2f s (set %s s)", number(t.get("keyframeIntervalMeanS")),
                        number(t.get("keyframeIntervalMaxS")), fmtSeconds(keyframeSetS)));
            } else {
                audioRate.set(rate);
            }
        }
        Object lag = r.timing().get(PublishHealth.ENCODER_LAG_KEY);
        encoderLag.set(lag == null ? NONE : String.format(Locale.ROOT, "%.2f s behind", number(lag)));
    }

    /** A finding as the list shows it: "WARNING  keyframe interval 10.0 s: set your encoder's … to 2 s". */
    static String line(Finding f) {
        return f.severity().wireName().toUpperCase(Locale.ROOT) + "  " + f.message()
                + (f.advice().isEmpty() ? "" : ": " + f.advice());
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Seconds as people write them: "2", "0.5". */
    static String fmtSeconds(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    // Properties.

    public StreamChecker checker() {
        return checker;
    }

    public ReadOnlyStringProperty profileNameProperty() {
        return profileName.getReadOnlyProperty();
    }

    /** The light of {@code group}. */
    public ReadOnlyObjectProperty<HealthLight> lightProperty(Rule.Group group) {
        return lights.get(group).getReadOnlyProperty();
    }

    /** The findings raised, oldest first, each with what to change. */
    public ObservableList<String> findings() {
        return FXCollections.unmodifiableObservableList(findings);
    }

    /** Video kbit/s sent over the last second against the bit rate set ("812 of 800 kbit/s"). */
    public ReadOnlyStringProperty videoRateProperty() {
        return videoRate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty audioRateProperty() {
        return audioRate.getReadOnlyProperty();
    }

    /** How far the encoders have fallen behind capture since the start ("0.04 s behind"). */
    public ReadOnlyStringProperty encoderLagProperty() {
        return encoderLag.getReadOnlyProperty();
    }

    /** The keyframe interval measured against the one set ("mean 2.00 s, max 2.00 s (set 2 s)"). */
    public ReadOnlyStringProperty keyframesProperty() {
        return keyframes.getReadOnlyProperty();
    }
}

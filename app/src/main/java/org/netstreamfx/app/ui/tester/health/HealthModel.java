package org.netstreamfx.app.ui.tester.health;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netstreamfx.app.health.ProfileFiles;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.ui.settings.AppSettings;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.health.Profiles;
import org.netstreamfx.player.health.Rule;
import org.netstreamfx.player.net.NetStream;

/**
 * What the Tester's Health panel shows of the stream the Player plays: once {@link #activate()}d
 * (the panel shown for the first time), it turns the engine's analysis on for the stream playing
 * and every stream after ({@link NetStream#setHealthProfile}) with the profile chosen (generic by
 * default, or youtube, twitch, a user's JSON file). Until then nothing is analysed, so no
 * {@code NetStreamFX.Health.*} event joins a session nobody looks at for its health. It keeps the latest
 * {@link HealthReport} read on the Tester's sample tick, a traffic light per rule group from the
 * report's active findings, and the findings list from the {@code NetStreamFX.Health.*} events of
 * the session log, newest first. A profile chosen while a stream plays applies from then on: the
 * engine starts a fresh analysis, and the list and lights start again.
 *
 * <p>FX thread only. The report is read with {@link NetStream#healthReport()}: a copy of bounded
 * figures (the series are {@code TrackSeries.MAX_POINTS} long), cheap enough for a 250 ms tick.
 */
public final class HealthModel {
    /** The profile used when none was chosen. */
    public static final String DEFAULT_PROFILE = Profiles.GENERIC.name();
    /** Rows the findings list keeps (the engine's history keeps as many). */
    public static final int MAX_FINDINGS = 500;

    private final ObservableValue<NetStream> streams;
    private final Map<Rule.Group, ReadOnlyObjectWrapper<Light>> lights = new EnumMap<>(Rule.Group.class);
    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();
    private final ObservableList<FindingRow> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ReadOnlyObjectWrapper<HealthReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper profileName = new ReadOnlyStringWrapper(this, "profile", DEFAULT_PROFILE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private Profile profile = Profiles.GENERIC;
    private Consumer<String> remember = name -> { };
    private boolean active;

    /** @param streams the stream the Player plays now (null: none) */
    public HealthModel(ObservableValue<NetStream> streams) {
        this.streams = streams;
        for (Rule.Group g : Rule.Group.values()) {
            lights.put(g, new ReadOnlyObjectWrapper<>(this, "light" + g, Light.GREY));
        }
        streams.addListener((o, was, now) -> analyse(now));
        analyse(streams.getValue());
    }

    /** Turns the analysis on, from now on, for the stream playing and every one after; once is enough. */
    public void activate() {
        if (!active) {
            active = true;
            analyse(streams.getValue());
        }
    }

    /** Uses the profile the settings remembered ({@code saved}, null: the default) and remembers later choices with {@code store}. */
    public void useSaved(String saved, Consumer<String> store) {
        if (saved != null && !saved.isBlank() && !setProfile(saved)) {
            setProfile(DEFAULT_PROFILE);
        }
        remember = store;
    }

    /** The profile in use: a built-in name or a file's path. */
    public ReadOnlyStringProperty profileProperty() {
        return profileName.getReadOnlyProperty();
    }

    /**
     * Analyses with the built-in profile {@code nameOrFile} names or the one its JSON file holds,
     * from now on; false (and {@link #problemProperty()} says why) when there is no such profile.
     */
    public boolean setProfile(String nameOrFile) {
        Profile p;
        try {
            if (nameOrFile == null || nameOrFile.length() > AppSettings.MAX_HEALTH_PROFILE) {
                throw new IllegalArgumentException("a profile name or file path of at most "
                        + AppSettings.MAX_HEALTH_PROFILE + " characters");
            }
            p = ProfileFiles.resolve(nameOrFile);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        problem.set("");
        profile = p;
        profileName.set(nameOrFile);
        remember.accept(nameOrFile);
        analyse(streams.getValue());
        return true;
    }

    /** Why the last profile chosen could not be used, "" when it could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The Tester's sample tick: reads {@code ns}'s report (one snapshot) and sets the lights from it. */
    public void poll(NetStream ns) {
        if (active && ns != null && ns == streams.getValue()) {
            show(ns.healthReport());
        }
    }

    /** The latest report read, null before any analysis of the stream playing. */
    public ReadOnlyObjectProperty<HealthReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** An entry of the session log: a health finding's event becomes the list's first row. */
    public void entry(SessionEntry e) {
        FindingRow.of(e).ifPresent(row -> {
            findings.add(0, row);
            if (findings.size() > MAX_FINDINGS) {
                findings.remove(MAX_FINDINGS, findings.size());
            }
            poll(streams.getValue()); // the lights follow the event at once, not a tick later
        });
    }

    /** The findings raised and cleared, newest first (at most {@link #MAX_FINDINGS}). */
    public ObservableList<FindingRow> findings() {
        return findingsView;
    }

    private void analyse(NetStream ns) {
        findings.clear();
        show(null);
        if (active && ns != null) {
            ns.setHealthProfile(profile);
        }
    }

    private void show(HealthReport r) {
        report.set(r);
        lights.forEach((g, light) -> light.set(Light.of(r, g)));
    }

    /** The light of {@code group}. */
    public ReadOnlyObjectProperty<Light> lightProperty(Rule.Group group) {
        return lights.get(group).getReadOnlyProperty();
    }
}

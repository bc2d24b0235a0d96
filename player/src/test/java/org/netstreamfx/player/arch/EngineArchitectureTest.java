package org.netstreamfx.player.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's shape, checked on its compiled classes (ArchUnit reads the bytecode, so an import
 * that only a Javadoc uses does not count, and a fully qualified use does).
 *
 * <pre>
 *   net/ (Flash's API: NetConnection, NetStream, NetStatus*)     sharedobject/ (SharedObject)
 *        |                                                          |
 *   playback/  publish/  record/        (the pipelines: typed events up, never NetStatus)
 *        |
 *   source/ sink/ decode/ rtmp/ flv/ amf/ media/ clock/ wire/ util/ ffmpeg/   (media and wire)
 * </pre>
 *
 * Arrows only point down: a pipeline tells the API what happened with a typed event
 * ({@code CoreEvent}, {@code RecordStatus}, …) and {@code net/} turns it into Flash's codes and
 * sentences. The engine has no JavaFX (the UI lives in app/) and no cycles between its packages.
 */
@AnalyzeClasses(packages = "org.netstreamfx.player", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {
    private static final String API = "org.netstreamfx.player.net..";
    private static final String SHARED_OBJECT = "org.netstreamfx.player.sharedobject..";
    private static final String[] PIPELINES = {
        "org.netstreamfx.player.playback..", "org.netstreamfx.player.publish..", "org.netstreamfx.player.record..",
        "org.netstreamfx.player.session..",
    };
    private static final String[] MEDIA = {
        "org.netstreamfx.player.source..", "org.netstreamfx.player.sink..", "org.netstreamfx.player.decode..",
        "org.netstreamfx.player.rtmp..", "org.netstreamfx.player.flv..", "org.netstreamfx.player.amf..",
        "org.netstreamfx.player.media..", "org.netstreamfx.player.clock..", "org.netstreamfx.player.wire..",
        "org.netstreamfx.player.util..", "org.netstreamfx.player.ffmpeg..",
    };
    /** Formats and primitives: they know nothing of sources, sockets or playback. */
    private static final String[] FOUNDATION = {
        "org.netstreamfx.player.wire..", "org.netstreamfx.player.amf..", "org.netstreamfx.player.flv..",
        "org.netstreamfx.player.media..", "org.netstreamfx.player.clock..", "org.netstreamfx.player.util..",
    };

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .optionalLayer("Api").definedBy(API)
            .optionalLayer("SharedObject").definedBy(SHARED_OBJECT)
            .optionalLayer("Pipelines").definedBy(PIPELINES)
            .optionalLayer("Media").definedBy(MEDIA)
            .whereLayer("SharedObject").mayNotBeAccessedByAnyLayer()
            .whereLayer("Api").mayOnlyBeAccessedByLayers("SharedObject")
            .whereLayer("Pipelines").mayOnlyBeAccessedByLayers("Api", "SharedObject")
            .whereLayer("Media").mayOnlyBeAccessedByLayers("Api", "SharedObject", "Pipelines");

    @ArchTest
    static final ArchRule nothingBelowTheApiImportsIt = noClasses()
            .that().resideOutsideOfPackages(API, SHARED_OBJECT)
            .should().dependOnClassesThat().resideInAPackage(API)
            .because("pipelines report typed events; net/ maps them to NetStatus codes and sentences");

    @ArchTest
    static final ArchRule foundationStaysAtTheBottom = noClasses()
            .that().resideInAnyPackage(FOUNDATION)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.netstreamfx.player.source..", "org.netstreamfx.player.sink..",
                    "org.netstreamfx.player.decode..", "org.netstreamfx.player.rtmp..",
                    "org.netstreamfx.player.ffmpeg..", API, SHARED_OBJECT)
            .orShould().dependOnClassesThat().resideInAnyPackage(PIPELINES);

    @ArchTest
    static final ArchRule noJavaFx = noClasses()
            .that().resideInAPackage("org.netstreamfx.player..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("player/ is the engine; the UI lives in app/");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.netstreamfx.player.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInsideRtmp = slices().matching("org.netstreamfx.player.rtmp.(*)..")
            .should().beFreeOfCycles();
}

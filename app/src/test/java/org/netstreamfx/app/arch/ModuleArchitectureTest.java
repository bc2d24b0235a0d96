package org.netstreamfx.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The modules' shape, checked on the compiled classes of all three: the engine (player/) and the
 * devices (capture/) know nothing of the app, capture/ has no JavaFX either, and no module's
 * packages form a cycle. The engine's own layering is {@code EngineArchitectureTest} in player/.
 */
@AnalyzeClasses(packages = "org.netstreamfx", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArchitectureTest {

    @ArchTest
    static final ArchRule engineKnowsNothingAbove = noClasses()
            .that().resideInAPackage("org.netstreamfx.player..")
            .should().dependOnClassesThat().resideInAnyPackage("org.netstreamfx.capture..", "org.netstreamfx.app..");

    @ArchTest
    static final ArchRule captureKnowsNothingOfTheApp = noClasses()
            .that().resideInAPackage("org.netstreamfx.capture..")
            .should().dependOnClassesThat().resideInAnyPackage("org.netstreamfx.app..", "javafx..");

    @ArchTest
    static final ArchRule captureUsesOnlyTheEnginesPublicEdges = noClasses()
            .that().resideInAPackage("org.netstreamfx.capture..")
            .should().dependOnClassesThat().resideInAnyPackage("org.netstreamfx.player.playback..",
                    "org.netstreamfx.player.source..", "org.netstreamfx.player.rtmp..")
            .because("cameras and microphones feed the publishing pipeline; they do not play or speak RTMP");

    @ArchTest
    static final ArchRule noCyclesInCapture = slices().matching("org.netstreamfx.capture.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenAppAreas = slices().matching("org.netstreamfx.app.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenViews = slices().matching("org.netstreamfx.app.ui.(*)..").should().beFreeOfCycles();
}

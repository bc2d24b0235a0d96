package org.netstreamfx.player.health;

/** A group of rules: the profile it judges by and the book its findings go to. */
abstract class RuleGroup implements PacketCheck {
    protected final Profile profile;
    protected final FindingBook book;

    RuleGroup(Profile profile, FindingBook book) {
        this.profile = profile;
        this.book = book;
    }
}

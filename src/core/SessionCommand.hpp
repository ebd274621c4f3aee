#pragma once

namespace rollcoach {

/// What a person asks of a running session. Every way in (a key, a gamepad button, a clicker,
/// a media key, a spoken word, the one big button) becomes one of these, and the session
/// carries it out, so no way in can come to mean something another does not.
struct SessionCommand {
    enum class Kind {
        TogglePause,
        Pause,       ///< nothing when already paused
        Resume,      ///< nothing when already running
        Next,        ///< the next step (or the switch)
        Back,        ///< the step before
        Mute,        ///< mutes or unmutes sounds and speech
        Leave,       ///< asks first; a second Leave (or Confirm) leaves
        LeaveNow,    ///< leaves without asking (a media player's Stop)
        Confirm,     ///< yes to the leave question; nothing otherwise
        Stay,        ///< no to the leave question; nothing otherwise
        StopForPain, ///< stops at once, even while asking to leave
        Rate,        ///< a tension rating, 0-10, in `rating`
    };
    Kind kind = Kind::Stay;
    int rating = 0; ///< for Kind::Rate

    static SessionCommand of(Kind kind) { return {kind, 0}; }
    static SessionCommand rated(int rating) { return {Kind::Rate, rating}; }
    bool operator==(const SessionCommand& other) const {
        return kind == other.kind && rating == other.rating;
    }
};

} // namespace rollcoach

#pragma once

#include "core/SpeechQueue.hpp"

#include <string>
#include <vector>

namespace rollcoach {

/// Spoken cues through espeak-ng, started with an argument vector (never a shell), so text
/// from a routine is only ever spoken. Silent where espeak-ng is not installed.
///
/// Each line has a weight, and the order is SpeechQueue's: a line never cuts off a more
/// important one, nor a question; it waits until that one is over (poll() starts it), and is
/// dropped if, by then, the session says its moment has passed. A line as important or more
/// cuts off the one being spoken, so a new step silences the last step's cue and a warning
/// silences both.
class Speech {
public:
    /// Looks for espeak-ng on $PATH (/usr/bin:/bin when it is unset). `voice` is an
    /// espeak-ng voice name ("" for its default); `wordsPerMinute` its speed.
    explicit Speech(bool muted, int wordsPerMinute = 150, std::string voice = {});
    ~Speech();
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    /// Speaks a text unless muted, by the rules above.
    void say(const std::string& text, Cue::Weight weight = Cue::Weight::Step);
    /// Speaks a session's cue in the given words; while it waits, `stillDue` decides whether
    /// it is still worth saying.
    void say(const Cue& cue, const std::string& words);
    /// Who says whether a waiting cue is still due (the session on screen); with none, a
    /// waiting line is said when its turn comes.
    void judgeCues(SpeechQueue::StillDue stillDue) { m_stillDue = std::move(stillDue); }
    /// Starts a waiting line once the one being spoken is over; call it every frame.
    void poll();
    /// Whether a line is being spoken now.
    bool speaking();
    /// Mutes or unmutes the cues to come; one being spoken runs to its end.
    void setMuted(bool muted);
    /// Whether espeak-ng was found.
    bool available() const { return !m_program.empty(); }
    /// Where espeak-ng was found ("" if not); a test may point it at another program.
    void setProgram(const std::string& program) { m_program = program; }

private:
    void reap(bool wait);
    void start(const SpokenLine& line);
    void add(SpokenLine line);

    std::string m_program;
    std::string m_voice;
    int m_wordsPerMinute;
    bool m_muted = false;
    int m_child = -1;
    SpeechQueue m_queue;
    SpeechQueue::StillDue m_stillDue;
};

/// What to tell the person when speech is on and espeak-ng is not installed: that nothing
/// will be said, and how to install it.
std::string speechMissingNotice();

/// The command line that would speak a text: what Speech hands to posix_spawn.
std::vector<std::string> speechArguments(const std::string& program, const std::string& text,
                                         int wordsPerMinute = 150, const std::string& voice = {});

/// The espeak-ng voice for a locale name as in $LC_ALL, $LC_MESSAGES or $LANG: "en_GB.UTF-8"
/// gives "en-gb", "de_DE" gives "de"; "C", "POSIX" and "" give "" (espeak-ng's default).
std::string voiceForLocale(const std::string& locale);

/// The voice for the language the texts are shown in (the catalog's: "de", "es"); for English,
/// the locale's English voice.
std::string voiceForLocale();

} // namespace rollcoach

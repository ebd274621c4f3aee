#pragma once

#include <deque>
#include <string>
#include <vector>

namespace rollcoach {

/// Spoken cues through espeak-ng, started with an argument vector (never a shell), so text
/// from a routine is only ever spoken. Silent where espeak-ng is not installed.
///
/// Each line has a weight. A line never cuts off a more important one: it waits until that
/// one is over (poll() starts it). A line as important or more cuts off the one being spoken,
/// so a new step silences the last step's cue and a warning silences both.
class Speech {
public:
    /// Looks for espeak-ng on $PATH (/usr/bin:/bin when it is unset). `voice` is an
    /// espeak-ng voice name ("" for its default); `wordsPerMinute` its speed.
    explicit Speech(bool muted, int wordsPerMinute = 150, std::string voice = {});
    ~Speech();
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    /// Speaks a text unless muted, by the rules above; weight 0 is the least important.
    void say(const std::string& text, int weight = 1);
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
    struct Line {
        std::string text;
        int weight = 0;
    };
    void reap(bool wait);
    void start(const Line& line);

    std::string m_program;
    std::string m_voice;
    int m_wordsPerMinute;
    bool m_muted = false;
    int m_child = -1;
    int m_weight = 0; // of the line being spoken
    std::deque<Line> m_waiting;
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

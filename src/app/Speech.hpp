#pragma once

#include <string>
#include <vector>

namespace rollcoach {

/// Spoken cues through espeak-ng, started with an argument vector (never a shell), so text
/// from a routine is only ever spoken. Silent where espeak-ng is not installed.
class Speech {
public:
    /// Looks for espeak-ng on $PATH (/usr/bin:/bin when it is unset).
    explicit Speech(bool muted);
    ~Speech();
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    /// Speaks a text unless muted, cutting short a cue still being spoken.
    void say(const std::string& text);
    /// Mutes or unmutes the cues to come; one being spoken runs to its end.
    void setMuted(bool muted) { m_muted = muted; }
    /// Whether a cue is being spoken now: voice commands are not listened to meanwhile, so
    /// rollcoach never takes its own words for a command.
    bool speaking() {
        reap(false);
        return m_child > 0;
    }
    /// Whether espeak-ng was found.
    bool available() const { return !m_program.empty(); }
    /// Where espeak-ng was found ("" if not); a test may point it at another program.
    void setProgram(const std::string& program) { m_program = program; }

private:
    void reap(bool wait);

    std::string m_program;
    bool m_muted = false;
    int m_child = -1;
};

/// The command line that would speak a text: what Speech hands to posix_spawn.
std::vector<std::string> speechArguments(const std::string& program, const std::string& text);

} // namespace rollcoach

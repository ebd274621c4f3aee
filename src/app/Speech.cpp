#include "Speech.hpp"
#include "core/Language.hpp"
#include "core/Translate.hpp"

#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace rollcoach {

std::string speechMissingNotice() {
    return _("Speech is on, but espeak-ng is not installed, so nothing is said aloud. Install it "
             "with: sudo apt install espeak-ng (or set speech: off in settings.yaml).");
}

std::vector<std::string> speechArguments(const std::string& program, const std::string& text,
                                         int wordsPerMinute, const std::string& voice) {
    std::vector<std::string> args = {program};
    if (!voice.empty()) {
        args.insert(args.end(), {"-v", voice});
    }
    // "--" ends the options, so a cue starting with "-" is spoken, not read as an option.
    args.insert(args.end(), {"-s", std::to_string(wordsPerMinute), "--", text});
    return args;
}

std::string voiceForLocale(const std::string& locale) {
    std::string name = locale.substr(0, locale.find_first_of(".@"));
    if (name.empty() || name == "C" || name == "POSIX") {
        return {};
    }
    std::string language = name.substr(0, name.find('_'));
    std::string region = name.find('_') == std::string::npos ? "" : name.substr(name.find('_') + 1);
    auto lower = [](std::string text) {
        for (char& c : text) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        return text;
    };
    const bool plain = std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
    });
    if (!plain || language.size() < 2 || language.size() > 3) {
        return {};
    }
    // espeak-ng names English and Portuguese by region; other languages by language alone.
    if ((language == "en" || language == "pt") && !region.empty()) {
        return lower(language + "-" + region);
    }
    return lower(language);
}

std::string voiceForLocale() {
    // The voice speaks the language the texts are in: the catalog's, when one is in use.
    const std::string language = catalogLanguage();
    if (language != "en") {
        return speechVoiceFor(language);
    }
    // English texts: the locale's English (en-gb, en-us), else espeak-ng's default.
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') {
            const std::string voice = voiceForLocale(value);
            return voice.compare(0, 2, "en") == 0 ? voice : std::string();
        }
    }
    return {};
}

Speech::Speech(bool muted, int wordsPerMinute, std::string voice)
    : m_voice(std::move(voice)), m_wordsPerMinute(wordsPerMinute), m_muted(muted) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::string candidate = (dir.empty() ? "." : dir) + "/espeak-ng";
        if (access(candidate.c_str(), X_OK) == 0) {
            m_program = candidate;
            break;
        }
    }
}

Speech::~Speech() {
    // What was said last is heard to its end; what waits behind it is dropped.
    reap(true);
}

void Speech::reap(bool wait) {
    if (m_child > 0) {
        int status = 0;
        if (waitpid(m_child, &status, wait ? 0 : WNOHANG) != 0) {
            m_child = -1;
        }
    }
}

bool Speech::speaking() {
    reap(false);
    return m_child > 0;
}

void Speech::setMuted(bool muted) {
    m_muted = muted;
    if (muted) {
        m_queue.clear();
    }
}

void Speech::start(const SpokenLine& line) {
    const std::vector<std::string> args =
        speechArguments(m_program, line.words, m_wordsPerMinute, m_voice);
    std::vector<char*> argv;
    for (const std::string& arg : args) {
        argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    if (posix_spawn(&pid, m_program.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
        m_child = pid;
    }
    posix_spawn_file_actions_destroy(&actions);
}

void Speech::say(const std::string& text, Cue::Weight weight) {
    add({text, weight, std::nullopt});
}

void Speech::say(const Cue& cue, const std::string& words) {
    add({words, cue.weight, cue});
}

void Speech::add(SpokenLine line) {
    if (m_muted || m_program.empty() || line.words.empty()) {
        return;
    }
    m_queue.add(std::move(line));
    poll();
}

void Speech::poll() {
    if (m_muted) {
        return;
    }
    const std::optional<SpeechQueue::Start> start = m_queue.next(speaking(), m_stillDue);
    if (!start) {
        return;
    }
    if (start->cut && m_child > 0) {
        kill(m_child, SIGTERM);
        reap(true);
    }
    this->start(start->line);
}

} // namespace rollcoach

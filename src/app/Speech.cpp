#include "Speech.hpp"

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace rollcoach {

std::vector<std::string> speechArguments(const std::string& program, const std::string& text) {
    // "--" ends the options, so a cue starting with "-" is spoken, not read as an option.
    return {program, "-s", "150", "--", text};
}

Speech::Speech(bool muted) : m_muted(muted) {
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

void Speech::say(const std::string& text) {
    if (m_muted || m_program.empty() || text.empty()) {
        return;
    }
    reap(false);
    if (m_child > 0) {
        // Still speaking the last cue: cut it short, the new one matters more.
        kill(m_child, SIGTERM);
        reap(true);
    }
    const std::vector<std::string> args = speechArguments(m_program, text);
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

} // namespace rollcoach

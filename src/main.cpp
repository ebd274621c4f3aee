#include "app/WindowFrontEnd.hpp"
#include "cli/CommandLine.hpp"

#include <exception>
#include <malloc.h>
#include <iostream>

int main(int argc, char** argv) {
    // One heap for every thread. The window reads its fonts and history on a thread of its
    // own at start-up; with an arena of its own, what that thread freed (0.6 MiB) would stay
    // resident for the whole session instead of being reused.
    mallopt(M_ARENA_MAX, 1);
    try {
        std::vector<std::string> args(argv, argv + argc);
        return rollcoach::runCommandLine(args, std::cout, std::cerr, rollcoach::runWindow);
    } catch (const std::exception& error) {
        std::cerr << "rollcoach: error: " << error.what() << "\n";
        return 1;
    }
}

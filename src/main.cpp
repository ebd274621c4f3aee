#include "app/WindowFrontEnd.hpp"
#include "cli/CommandLine.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    try {
        std::vector<std::string> args(argv, argv + argc);
        return rollcoach::runCommandLine(args, std::cout, std::cerr, rollcoach::runWindow);
    } catch (const std::exception& error) {
        std::cerr << "rollcoach: error: " << error.what() << "\n";
        return 1;
    }
}

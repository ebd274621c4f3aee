// A reference point for rollcoach's benchmarks: the drawing reference, plus the libraries
// rollcoach is built on, each used once as rollcoach uses it at start-up. fontconfig finds the
// font, yaml-cpp reads a routine, SQLite opens a history (WAL, quick_check, a table, a row).
// What it costs over the baseline is what any program on these libraries pays under this GL,
// before any code or text of its own.
//
//   rollcoach-reference-libraries ROUTINE.yaml HISTORY.sqlite [--frames N]
#include "BareWindow.hpp"

#include <SFML/Graphics.hpp>
#include <fontconfig/fontconfig.h>
#include <sqlite3.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

std::string findFont(const char* name) {
    std::string file;
    FcInit();
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(name));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    if (FcPattern* match = FcFontMatch(nullptr, pattern, &result)) {
        FcChar8* path = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch) {
            file = reinterpret_cast<const char*>(path);
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    FcFini();
    return file;
}

bool touchHistory(const char* path) {
    sqlite3* db = nullptr;
    const bool ok =
        sqlite3_open(path, &db) == SQLITE_OK &&
        sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA quick_check;"
                     "CREATE TABLE IF NOT EXISTS sessions (id INTEGER PRIMARY KEY, title TEXT);"
                     "INSERT INTO sessions (title) VALUES ('reference');"
                     "SELECT count(*) FROM sessions;",
                     nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db); // rollcoach keeps its history open; the code stays mapped either way
    return ok;
}

} // namespace

int main(int argc, char** argv) {
    long frames = 0;
    std::vector<const char*> files;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            frames = std::atol(argv[++i]);
        } else {
            files.push_back(argv[i]);
        }
    }
    if (files.size() != 2) {
        std::fprintf(stderr, "usage: %s ROUTINE.yaml HISTORY.sqlite [--frames N]\n", argv[0]);
        return 2;
    }
    const std::string font = findFont("DejaVu Sans:style=Book");
    const std::string boldFont = findFont("DejaVu Sans:style=Bold");
    sf::Font typeface;
    sf::Font bold;
    if (font.empty() || boldFont.empty() || !typeface.loadFromFile(font) ||
        !bold.loadFromFile(boldFont)) {
        std::fprintf(stderr, "%s: no usable font\n", argv[0]);
        return 1;
    }
    std::string title;
    try {
        title = YAML::LoadFile(files[0])["title"].as<std::string>();
    } catch (const YAML::Exception& error) {
        std::fprintf(stderr, "%s: %s\n", files[0], error.what());
        return 1;
    }
    if (!touchHistory(files[1])) {
        std::fprintf(stderr, "%s: cannot use this history\n", files[1]);
        return 1;
    }
    runDrawingWindow(typeface, bold, title, frames);
    return 0;
}

#include "Resources.hpp"

#include "core/DataPaths.hpp"

#include <SFML/System/Err.hpp>

#include <X11/Xlib.h>
#include <fontconfig/fontconfig.h>
#include <png.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <filesystem>
#include <ostream>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace rollcoach {

std::vector<std::string> findFontFiles(const std::vector<std::string>& patterns) {
    if (const char* override = std::getenv("ROLLCOACH_FONT"); override && *override) {
        return std::vector<std::string>(patterns.size(), override);
    }
    // One configuration for every lookup: loading it is the costly part.
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (config == nullptr) {
        throw AssetError("cannot start fontconfig to find a font");
    }
    std::vector<std::string> files;
    for (const std::string& pattern : patterns) {
        std::string file;
        FcPattern* wanted = FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str()));
        FcConfigSubstitute(config, wanted, FcMatchPattern);
        FcDefaultSubstitute(wanted);
        FcResult result = FcResultNoMatch;
        FcPattern* match = FcFontMatch(config, wanted, &result);
        if (match != nullptr) {
            FcChar8* path = nullptr;
            if (FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch && path != nullptr) {
                file = reinterpret_cast<const char*>(path);
            }
            FcPatternDestroy(match);
        }
        FcPatternDestroy(wanted);
        if (file.empty()) {
            FcConfigDestroy(config);
            throw AssetError("no font found for \"" + pattern +
                             "\": install fonts-dejavu-core or set ROLLCOACH_FONT to a .ttf file");
        }
        files.push_back(file);
    }
    FcConfigDestroy(config);
    return files;
}

std::vector<std::string> Fonts::findFiles() {
    return findFontFiles({"DejaVu Sans:style=Book", "DejaVu Sans:style=Bold"});
}

std::unique_ptr<Fonts> Fonts::load(const std::vector<std::string>& files) {
    auto fonts = std::make_unique<Fonts>();
    const std::string& regular = files[0];
    const std::string& bold = files[1];
    for (const auto& [font, file] :
         {std::pair{&fonts->regular, regular}, std::pair{&fonts->bold, bold}}) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) {
            throw AssetError(file + ": font file missing or not a file");
        }
        // SFML reports its own reason on sf::err(); the message here names the file.
        std::ostringstream detail;
        std::streambuf* previous = sf::err().rdbuf(detail.rdbuf());
        const bool ok = font->loadFromFile(file);
        sf::err().rdbuf(previous);
        if (!ok) {
            throw AssetError(file + ": cannot load this font");
        }
    }
    return fonts;
}

namespace {

constexpr unsigned kSampleRate = 44100;

// A sum of sine notes, each with a soft attack and an exponential fade.
std::vector<std::int16_t> synthesise(const std::vector<std::pair<double, double>>& notes,
                                     double noteSeconds, double volume) {
    std::vector<std::int16_t> samples;
    for (const auto& [frequency, delay] : notes) {
        const std::size_t start = static_cast<std::size_t>(delay * kSampleRate);
        const std::size_t length = static_cast<std::size_t>(noteSeconds * kSampleRate);
        if (samples.size() < start + length) {
            samples.resize(start + length, 0);
        }
        for (std::size_t i = 0; i < length; ++i) {
            const double t = static_cast<double>(i) / kSampleRate;
            const double attack = std::min(1.0, t / 0.01);
            const double envelope = attack * std::exp(-4.0 * t / noteSeconds);
            const double value = std::sin(2 * 3.14159265358979 * frequency * t) * envelope;
            const double mixed = samples[start + i] + value * volume * 32767;
            samples[start + i] = static_cast<std::int16_t>(std::clamp(mixed, -32767.0, 32767.0));
        }
    }
    return samples;
}

} // namespace

std::vector<std::vector<std::int16_t>> toneSamples() {
    const std::vector<std::vector<std::pair<double, double>>> notes = {
        {{660, 0}, {990, 0.12}},             // new step: a bright two-note chime
        {{880, 0}},                          // countdown beat: one short tick
        {{523, 0}, {659, 0.15}, {784, 0.3}}, // switch: a rising triad
        {{784, 0}, {659, 0.2}, {523, 0.4}},  // end: the triad falling
    };
    const double lengths[] = {0.45, 0.18, 0.5, 0.7};
    std::vector<std::vector<std::int16_t>> sounds;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        sounds.push_back(synthesise(notes[i], lengths[i], 0.35));
    }
    return sounds;
}

std::vector<std::string> soundModulePaths(const std::string& executablePath) {
    namespace fs = std::filesystem;
    const fs::path bin = executableFolder(executablePath);
    const fs::path libdir(ROLLCOACH_LIBDIR);
    const fs::path installed = libdir.is_absolute() ? libdir : bin.parent_path() / libdir;
    return {(bin / kSoundModuleName).string(),
            (installed / "rollcoach" / kSoundModuleName).string()};
}

bool onlyNullSoundOutput(const char* drivers) {
    // A comma-separated list; "-name" leaves a driver out, and a trailing comma lets OpenAL go
    // on to the drivers not listed.
    if (drivers == nullptr) {
        return false;
    }
    const std::string list = drivers;
    if (list.find_last_not_of(" \t") == std::string::npos || list.back() == ',') {
        return false;
    }
    bool null = false;
    std::istringstream entries(list);
    std::string entry;
    while (std::getline(entries, entry, ',')) {
        const auto first = entry.find_first_not_of(" \t");
        if (first == std::string::npos) {
            continue;
        }
        entry = entry.substr(first, entry.find_last_not_of(" \t") - first + 1);
        if (entry[0] == '-') {
            continue;
        }
        if (entry != "null") {
            return false;
        }
        null = true;
    }
    return null;
}

Tones::Tones(std::ostream& notices, bool muted, std::vector<std::string> modules)
    : m_notices(notices), m_modules(std::move(modules)), m_muted(muted) {}

void Tones::prepare() {
    if (m_prepared || m_modules.empty()) {
        return;
    }
    m_prepared = true;
    // Mixing for a null output would cost a context of 256 voices (8.5 MiB) and a mixing
    // thread, for nothing anyone can hear.
    if (onlyNullSoundOutput(std::getenv("ALSOFT_DRIVERS"))) {
        m_notices << "rollcoach: no sound device (ALSOFT_DRIVERS=null): cues will be silent\n";
        return;
    }
    // The module stays loaded to the end: SFML's audio library keeps its device in globals
    // that are released at exit.
    void* module = nullptr;
    std::string tried;
    for (const std::string& path : m_modules) {
        module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (module != nullptr) {
            break;
        }
        const char* why = dlerror();
        tried += "\n  " + (why ? std::string(why) : path);
    }
    if (module == nullptr) {
        m_notices << "rollcoach: cannot load the sound module; cues will be silent. Tried:" << tried
                  << "\n";
        return;
    }
    const auto open = reinterpret_cast<OpenSoundPlayer>(dlsym(module, kOpenSoundPlayerSymbol));
    if (open == nullptr) {
        m_notices << "rollcoach: the sound module has no " << kOpenSoundPlayerSymbol
                  << "; cues will be silent\n";
        return;
    }
    std::string why;
    m_player.reset(open(toneSamples(), kSampleRate, why));
    if (m_player == nullptr) {
        m_notices << "rollcoach: " << why << ": cues will be silent\n";
    }
}

Tones::~Tones() = default;

void Tones::play(Kind kind) {
    if (m_muted) {
        return;
    }
    prepare();
    if (m_player != nullptr) {
        m_player->play(static_cast<std::size_t>(kind));
    }
}

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

bool savePng(const sf::Image& image, const std::string& path, std::string& why) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) {
        why = std::strerror(errno);
        return false;
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (png == nullptr || info == nullptr || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        std::fclose(file);
        why = "cannot encode the image";
        return false;
    }
    png_init_io(png, file);
    png_set_compression_level(png, 1);
    png_set_filter(png, 0, PNG_FILTER_SUB);
    const sf::Vector2u size = image.getSize();
    png_set_IHDR(png, info, size.x, size.y, 8, PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    const sf::Uint8* pixels = image.getPixelsPtr();
    for (unsigned y = 0; y < size.y; ++y) {
        png_write_row(png,
                      const_cast<png_bytep>(pixels + static_cast<std::size_t>(y) * size.x * 4));
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    if (std::fclose(file) != 0) {
        why = std::strerror(errno);
        return false;
    }
    return true;
}

bool loadPng(const std::string& path, Picture& picture, std::string& why) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (png_image_begin_read_from_file(&image, path.c_str()) == 0) {
        why = image.message;
        return false;
    }
    image.format = PNG_FORMAT_RGBA;
    std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
    if (png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) == 0) {
        why = image.message;
        png_image_free(&image);
        return false;
    }
    picture.width = image.width;
    picture.height = image.height;
    picture.rgba = std::move(pixels);
    return true;
}

DisplayCheck::DisplayCheck() {
    const char* name = std::getenv("DISPLAY");
    if (name == nullptr || *name == '\0') {
        m_why = "no display: DISPLAY is not set (run rollcoach from a desktop session, or under "
                "xvfb-run for screenshots)";
        return;
    }
    m_display = XOpenDisplay(nullptr);
    if (m_display == nullptr) {
        m_why = std::string("cannot open the display \"") + name + "\"";
    }
}

DisplayCheck::~DisplayCheck() {
    if (m_display != nullptr) {
        XCloseDisplay(static_cast<Display*>(m_display));
    }
}

} // namespace rollcoach

#include "Fonts.hpp"
#include "core/Translate.hpp"

#include <SFML/System/Err.hpp>

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <system_error>

namespace rollcoach {

std::vector<std::string> findFontFiles(const std::vector<std::string>& patterns) {
    if (const char* override = std::getenv("ROLLCOACH_FONT"); override && *override) {
        return std::vector<std::string>(patterns.size(), override);
    }
    // One configuration for every lookup: loading it is the costly part.
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (config == nullptr) {
        throw AssetError(_("cannot start fontconfig to find a font"));
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
            throw AssetError(
                rollcoach::fillIn(_("no font found for \"{0}\": install fonts-dejavu-core or set "
                                    "ROLLCOACH_FONT to a .ttf file"),
                                  pattern));
        }
        files.push_back(file);
    }
    FcConfigDestroy(config);
    return files;
}

std::vector<std::string> Fonts::findFiles() {
    // Where fonts-dejavu-core (which the package depends on) puts the two faces: found there,
    // they are the files fontconfig gives for these names, without its hundred configuration
    // files and its caches (milliseconds of start-up, and memory that stays resident).
    // Elsewhere, and when ROLLCOACH_FONT names another, fontconfig finds them.
    const char* override = std::getenv("ROLLCOACH_FONT");
    const std::vector<std::string> debian = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
    std::error_code ec;
    if ((override == nullptr || *override == '\0') &&
        std::filesystem::is_regular_file(debian[0], ec) &&
        std::filesystem::is_regular_file(debian[1], ec)) {
        return debian;
    }
    return findFontFiles(
        {"DejaVu Sans:style=Book", "DejaVu Sans:style=Bold"}); // untranslated: font names
}

FontFile::~FontFile() {
    if (m_data != nullptr) {
        munmap(const_cast<void*>(m_data), m_size);
    }
}

void FontFile::map(const std::string& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        throw AssetError(file + ": " + _("font file missing or not a file"));
    }
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat info {};
    if (fd < 0 || fstat(fd, &info) != 0 || info.st_size <= 0) {
        if (fd >= 0) {
            close(fd);
        }
        throw AssetError(file + ": " + _("cannot read this font"));
    }
    void* data =
        mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (data == MAP_FAILED) {
        throw AssetError(file + ": " + _("cannot read this font"));
    }
    m_data = data;
    m_size = static_cast<std::size_t>(info.st_size);
}

void MeasuredFont::load(const std::string& file) {
    map(file);
    // SFML reports its own reason on sf::err(); the message here names the file.
    std::ostringstream detail;
    std::streambuf* previous = sf::err().rdbuf(detail.rdbuf());
    const bool ok = loadFromMemory(m_data, m_size);
    sf::err().rdbuf(previous);
    if (!ok || !m_metrics.open(*this)) {
        throw AssetError(file + ": " + _("cannot load this font"));
    }
}

std::unique_ptr<Fonts> Fonts::load(const std::vector<std::string>& files) {
    auto fonts = std::make_unique<Fonts>();
    fonts->regular.load(files[0]);
    fonts->bold.load(files[1]);
    return fonts;
}

} // namespace rollcoach

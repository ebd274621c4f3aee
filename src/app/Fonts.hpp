#pragma once

#include "TextMetrics.hpp"

#include <SFML/Graphics/Font.hpp>

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace rollcoach {

/// A font, sound or other asset that could not be loaded; the message names the file.
class AssetError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Finds font files through fontconfig, one per pattern ($ROLLCOACH_FONT overrides them all).
/// Throws AssetError.
std::vector<std::string> findFontFiles(const std::vector<std::string>& patterns);

/// A font file mapped into memory and read in place by FreeType: sf::Font would otherwise read
/// it through a stream of its own.
class FontFile {
public:
    FontFile() = default;
    ~FontFile();
    FontFile(const FontFile&) = delete;
    FontFile& operator=(const FontFile&) = delete;

protected:
    /// Maps the file; throws AssetError naming it.
    void map(const std::string& file);
    const void* m_data = nullptr;
    std::size_t m_size = 0;
};

/// A font that draws (an sf::Font) and measures without drawing: layouts measure with its
/// metrics, so only the glyphs actually drawn are rasterised. Both use the one FreeType face
/// sf::Font loads, over one mapping of the file, made first and unmapped last (it is the first
/// base).
class MeasuredFont : private FontFile, public sf::Font {
public:
    const TextMetrics& metrics() const { return m_metrics; }
    /// Loads the file for both. Throws AssetError naming the file.
    void load(const std::string& file);

private:
    TextMetrics m_metrics;
};

/// The fonts of the app, loaded once; every sf::Text points into them.
struct Fonts {
    MeasuredFont regular;
    MeasuredFont bold;

    /// The regular and bold font files, found through fontconfig. Touches nothing of SFML,
    /// so it may run on another thread while the window is being made. Throws AssetError.
    static std::vector<std::string> findFiles();
    /// Loads the files findFiles() gave. Throws AssetError naming the file that failed.
    static std::unique_ptr<Fonts> load(const std::vector<std::string>& files);
    /// Finds and loads the fonts in one go. Throws AssetError.
    static std::unique_ptr<Fonts> load() { return load(findFiles()); }
};

} // namespace rollcoach

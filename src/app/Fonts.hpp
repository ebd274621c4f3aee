#pragma once

#include "TextMetrics.hpp"

#include <SFML/Graphics/Font.hpp>

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

/// A font that draws (an sf::Font) and measures without drawing: layouts measure with its
/// metrics, so only the glyphs actually drawn are rasterised.
class MeasuredFont : public sf::Font {
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

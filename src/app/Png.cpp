#include "Png.hpp"

#include "core/TextFile.hpp"
#include "core/Translate.hpp"

#include <png.h>

#include <utility>

namespace rollcoach {

namespace {

// libpng hands the encoded bytes here: the file is written only once the image is whole.
void appendBytes(png_structp png, png_bytep data, png_size_t length) {
    auto* bytes = static_cast<std::string*>(png_get_io_ptr(png));
    bytes->append(reinterpret_cast<const char*>(data), length);
}

void flushNothing(png_structp) {}

} // namespace

bool savePng(const sf::Image& image, const std::string& path, std::string& why) {
    std::string bytes;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (png == nullptr || info == nullptr || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        why = _("cannot encode the image");
        return false;
    }
    png_set_write_fn(png, &bytes, appendBytes, flushNothing);
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
    // A full disk leaves the old picture whole rather than a truncated one.
    return writeFileAtomically(path, bytes, why);
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

} // namespace rollcoach

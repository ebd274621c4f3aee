#include "Audio.hpp"
#include "core/Translate.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

namespace rollcoach {

namespace {

std::uint32_t le32(const std::string& b, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

std::uint16_t le16(const std::string& b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                      static_cast<unsigned char>(b[at + 1]) << 8);
}

void put32(std::string& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        b.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
}

void put16(std::string& b, std::uint16_t v) {
    b.push_back(static_cast<char>(v & 0xff));
    b.push_back(static_cast<char>(v >> 8));
}

constexpr double kPi = 3.14159265358979323846;

} // namespace

namespace {

// What a file that is not a regular file is, for "is not a regular file (a FIFO)".
const char* kindOf(mode_t mode) {
    if (S_ISFIFO(mode)) {
        return _("a FIFO");
    }
    if (S_ISCHR(mode)) {
        return _("a character device");
    }
    if (S_ISBLK(mode)) {
        return _("a block device");
    }
    if (S_ISSOCK(mode)) {
        return _("a socket");
    }
    return _("not a file");
}

std::string openError(int error) {
    switch (error) {
    case ENOENT:
        return _("cannot open: no such file");
    case ENOTDIR:
        return _("cannot open: a part of the path is not a folder");
    default:
        return fillIn(_("cannot open: {0}"), std::strerror(error));
    }
}

// A streaming writer may leave the data length unset: 0, or the largest value it could hold.
bool lengthUnset(std::uint32_t size) {
    return size == 0 || size == 0xffffffffu || size == 0x7ffff000u;
}

} // namespace

WavStream::~WavStream() {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

bool WavStream::open(const std::string& path, std::string& why) {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever. What
    // was opened is then checked on the descriptor itself, so it cannot change in between.
    m_fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (m_fd < 0) {
        struct stat info {};
        if ((errno == ENXIO || errno == EOPNOTSUPP) && ::stat(path.c_str(), &info) == 0) {
            why = rollcoach::fillIn(_("is not a regular file ({0}): a WAV file is needed"),
                                  kindOf(info.st_mode));
            return false;
        }
        why = openError(errno);
        return false;
    }
    struct stat info {};
    if (::fstat(m_fd, &info) != 0) {
        why = openError(errno);
        return false;
    }
    if (S_ISDIR(info.st_mode)) {
        why = _("is a folder: a WAV file is needed");
        return false;
    }
    if (!S_ISREG(info.st_mode)) {
        why = rollcoach::fillIn(_("is not a regular file ({0}): a WAV file is needed"),
                              kindOf(info.st_mode));
        return false;
    }
    return readHeader(why);
}

bool WavStream::openBytes(std::string bytes, std::string& why) {
    m_bytes = std::move(bytes);
    m_at = 0;
    return readHeader(why);
}

bool WavStream::fill(char* into, std::size_t count, std::size_t& got, std::string& why) {
    got = 0;
    if (m_fd < 0) {
        got = std::min(count, m_bytes.size() - m_at);
        std::memcpy(into, m_bytes.data() + m_at, got);
        m_at += got;
        return true;
    }
    while (got < count) {
        const ssize_t n = ::read(m_fd, into + got, count - got);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            why = rollcoach::fillIn(_("cannot read it: {0}"), std::strerror(errno));
            return false;
        }
        if (n == 0) {
            break;
        }
        got += static_cast<std::size_t>(n);
    }
    return true;
}

bool WavStream::skip(std::uint64_t count, std::string& why) {
    if (m_fd < 0) {
        m_at += static_cast<std::size_t>(std::min<std::uint64_t>(count, m_bytes.size() - m_at));
        return true;
    }
    if (::lseek(m_fd, static_cast<off_t>(count), SEEK_CUR) < 0) {
        why = rollcoach::fillIn(_("cannot read it: {0}"), std::strerror(errno));
        return false;
    }
    return true;
}

bool WavStream::readHeader(std::string& why) {
    std::string b(12, '\0');
    std::size_t got = 0;
    if (!fill(b.data(), b.size(), got, why)) {
        return false;
    }
    if (got < 12 || b.compare(0, 4, "RIFF") != 0 || b.compare(8, 4, "WAVE") != 0) {
        why = _("not a WAV file");
        return false;
    }
    bool haveFormat = false;
    while (true) {
        std::string head(8, '\0');
        if (!fill(head.data(), head.size(), got, why)) {
            return false;
        }
        if (got < 8) {
            why = haveFormat ? _("no samples (no data chunk)") : _("no format chunk");
            return false;
        }
        const std::string id = head.substr(0, 4);
        const std::uint32_t size = le32(head, 4);
        if (id == "fmt ") {
            // Only the first 40 bytes mean anything to a PCM reader; the rest is skipped.
            std::string body(std::min<std::uint32_t>(size, 40), '\0');
            if (!fill(body.data(), body.size(), got, why)) {
                return false;
            }
            if (size < 16 || got < 16) {
                why = _("a broken format chunk");
                return false;
            }
            std::uint16_t format = le16(body, 0);
            const std::uint16_t bits = le16(body, 14);
            // WAVE_FORMAT_EXTENSIBLE names the real format in its sub-format GUID.
            if (format == 0xfffe && got >= 26) {
                format = le16(body, 24);
            }
            if (format != 1) {
                why = format == 3
                          ? std::string(_("floating-point samples: 16-bit PCM needed"))
                          : rollcoach::fillIn(_("compressed audio (format {0}): 16-bit PCM needed"),
                                            format);
                return false;
            }
            if (bits != 16) {
                why = rollcoach::fillIn(_("{0}-bit samples: 16-bit PCM needed"), bits);
                return false;
            }
            m_channels = le16(body, 2);
            m_sampleRate = le32(body, 4);
            if (m_channels == 0 || m_channels > 64 || m_sampleRate < 8000 ||
                m_sampleRate > 192000) {
                why = rollcoach::fillIn(_("an unusable format ({0} channels at {1} Hz)"), m_channels,
                                      m_sampleRate);
                return false;
            }
            haveFormat = true;
            if (!skip(static_cast<std::uint64_t>(size) - got + (size & 1), why)) {
                return false;
            }
        } else if (id == "data") {
            if (!haveFormat) {
                why = _("no format chunk before the samples");
                return false;
            }
            m_lengthKnown = !lengthUnset(size);
            m_dataClaimed = size;
            m_dataLeft = m_lengthKnown ? size : std::numeric_limits<std::uint64_t>::max();
            return true;
        } else if (!skip(static_cast<std::uint64_t>(size) + (size & 1), why)) {
            return false;
        }
    }
}

bool WavStream::read(std::vector<std::int16_t>& samples, std::size_t most, std::string& why) {
    samples.clear();
    const std::size_t frame = 2 * static_cast<std::size_t>(std::max(1u, m_channels));
    std::size_t bytes = std::max<std::size_t>(1, most / std::max(1u, m_channels)) * frame;
    bytes = static_cast<std::size_t>(std::min<std::uint64_t>(bytes, m_dataLeft - m_dataLeft % 2));
    m_block.resize(bytes);
    std::size_t got = 0;
    if (bytes > 0 && !fill(m_block.data(), bytes, got, why)) {
        return false;
    }
    m_dataLeft -= got;
    m_dataRead += got;
    if (got < bytes && m_lengthKnown) {
        const double rate = static_cast<double>(m_sampleRate) * static_cast<double>(frame);
        char claimed[32];
        char held[32];
        std::snprintf(claimed, sizeof claimed, "%.2f", static_cast<double>(m_dataClaimed) / rate);
        std::snprintf(held, sizeof held, "%.2f", static_cast<double>(m_dataRead) / rate);
        why = rollcoach::fillIn(
            _("the samples are cut short: the data chunk gives {0} s, the file holds {1} s"),
            claimed, held);
        return false;
    }
    // Whole frames only: a frame the file breaks off in the middle of is dropped.
    got -= got % frame;
    samples.resize(got / 2);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        samples[i] = static_cast<std::int16_t>(le16(m_block, 2 * i));
    }
    return true;
}

MonoResampler::MonoResampler(unsigned inputRate, unsigned channels, unsigned rate)
    : m_inputRate(inputRate), m_channels(std::max(1u, channels)), m_rate(rate) {}

namespace {

constexpr int kHalfWidth = 16;

} // namespace

void MonoResampler::push(const std::int16_t* samples, std::size_t count,
                         std::vector<std::int16_t>& out) {
    for (std::size_t i = 0; i < count; ++i) {
        m_partial.push_back(samples[i]);
        if (m_partial.size() == m_channels) {
            float sum = 0;
            for (const std::int16_t s : m_partial) {
                sum += s;
            }
            m_mono.push_back(sum / static_cast<float>(m_channels));
            m_partial.clear();
            ++m_frames;
        }
    }
    produce(false, out);
}

void MonoResampler::finish(std::vector<std::int16_t>& out) {
    produce(true, out);
}

void MonoResampler::produce(bool ended, std::vector<std::int16_t>& out) {
    if (m_inputRate == m_rate || m_inputRate == 0) {
        for (const float s : m_mono) {
            out.push_back(static_cast<std::int16_t>(s));
        }
        m_base += m_mono.size();
        m_mono.clear();
        return;
    }
    // A windowed-sinc interpolator: each output sample is a weighted sum of the input around
    // its position, the sinc's cutoff at the lower of the two Nyquist frequencies. An output
    // sample is computed once every input it reaches has come (or the input has ended).
    const double ratio = static_cast<double>(m_rate) / m_inputRate;
    const double cutoff = std::min(1.0, ratio) * 0.95;
    const double reach = kHalfWidth / cutoff;
    const auto outFrames = static_cast<std::size_t>(static_cast<double>(m_frames) * ratio);
    for (; !ended || m_next < outFrames; ++m_next) {
        const double centre = static_cast<double>(m_next) / ratio;
        const auto first = static_cast<long>(std::ceil(centre - reach));
        const auto last = static_cast<long>(std::floor(centre + reach));
        if (!ended && last >= static_cast<long>(m_frames)) {
            break;
        }
        double sum = 0;
        for (long j = std::max(0L, first); j <= last && j < static_cast<long>(m_frames); ++j) {
            const double x = (static_cast<double>(j) - centre) * cutoff;
            const double sinc = x == 0 ? 1.0 : std::sin(kPi * x) / (kPi * x);
            const double window = 0.5 + 0.5 * std::cos(kPi * x / kHalfWidth);
            sum += m_mono[static_cast<std::size_t>(j) - m_base] * sinc * window * cutoff;
        }
        out.push_back(static_cast<std::int16_t>(std::clamp(sum, -32768.0, 32767.0)));
    }
    // Input no later output sample reaches is let go.
    const double centre = static_cast<double>(m_next) / ratio;
    const auto keepFrom = static_cast<long>(std::ceil(centre - reach));
    if (keepFrom > static_cast<long>(m_base)) {
        const std::size_t drop =
            std::min(m_mono.size(), static_cast<std::size_t>(keepFrom) - m_base);
        m_mono.erase(m_mono.begin(), m_mono.begin() + static_cast<long>(drop));
        m_base += drop;
    }
}

namespace {

bool readAll(WavStream& wav, PcmSound& sound, std::string& why) {
    sound.sampleRate = wav.sampleRate();
    sound.channels = wav.channels();
    sound.samples.clear();
    std::vector<std::int16_t> block;
    do {
        if (!wav.read(block, 1 << 16, why)) {
            return false;
        }
        sound.samples.insert(sound.samples.end(), block.begin(), block.end());
    } while (!block.empty());
    return true;
}

} // namespace

bool parseWav(const std::string& bytes, PcmSound& sound, std::string& why) {
    WavStream wav;
    return wav.openBytes(bytes, why) && readAll(wav, sound, why);
}

bool readWav(const std::string& path, PcmSound& sound, std::string& why) {
    WavStream wav;
    return wav.open(path, why) && readAll(wav, sound, why);
}

bool writeWav(const std::string& path, const std::vector<std::int16_t>& samples,
              unsigned sampleRate) {
    std::string b = "RIFF";
    const auto dataBytes = static_cast<std::uint32_t>(samples.size() * 2);
    put32(b, 36 + dataBytes);
    b += "WAVEfmt ";
    put32(b, 16);
    put16(b, 1);
    put16(b, 1);
    put32(b, sampleRate);
    put32(b, sampleRate * 2);
    put16(b, 2);
    put16(b, 16);
    b += "data";
    put32(b, dataBytes);
    for (const std::int16_t s : samples) {
        put16(b, static_cast<std::uint16_t>(s));
    }
    std::ofstream out(path, std::ios::binary);
    out.write(b.data(), static_cast<std::streamsize>(b.size()));
    return static_cast<bool>(out);
}

std::vector<std::int16_t> toMono(const PcmSound& sound, unsigned rate) {
    MonoResampler mono(sound.sampleRate, sound.channels, rate);
    std::vector<std::int16_t> out;
    mono.push(sound.samples.data(), sound.samples.size(), out);
    mono.finish(out);
    return out;
}

} // namespace rollcoach

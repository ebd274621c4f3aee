#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rollcoach {

/// The sample rate the recogniser's acoustic model was trained at.
constexpr unsigned kVoiceSampleRate = 16000;

/// Sound as read from a file: 16-bit samples, channels interleaved.
struct PcmSound {
    std::vector<std::int16_t> samples;
    unsigned sampleRate = 0;
    unsigned channels = 0;
};

/// A WAV file read a block of samples at a time: the header is checked from the first bytes,
/// and memory stays that of one block whatever the file's size. Only uncompressed 16-bit PCM
/// is taken. Every `why` names what is wrong in a few words ("not a WAV file", "8-bit
/// samples: 16-bit PCM needed") but not the file, which the caller knows.
class WavStream {
public:
    WavStream() = default;
    ~WavStream();
    WavStream(const WavStream&) = delete;
    WavStream& operator=(const WavStream&) = delete;

    /// Opens a file and reads its header up to the samples. Anything but a regular file (a
    /// folder, a FIFO, a device, a socket) is refused before a byte is read, so a FIFO with
    /// no writer cannot hang it and a device cannot fill the memory.
    bool open(const std::string& path, std::string& why);
    /// Reads the header of a WAV file held in memory.
    bool openBytes(std::string bytes, std::string& why);

    unsigned sampleRate() const { return m_sampleRate; }
    unsigned channels() const { return m_channels; }

    /// The next samples, channels interleaved, at most `most` of them (whole frames); none
    /// at the end. False, with `why`, when the file cannot be read or ends before the length
    /// its data chunk gives (a writer that streamed may leave that length 0 or 0xffffffff:
    /// then the samples run to the end of the file).
    bool read(std::vector<std::int16_t>& samples, std::size_t most, std::string& why);

private:
    bool readHeader(std::string& why);
    // Bytes from the file or the memory; fewer than asked only at the end. False on a read
    // error, with `why`.
    bool fill(char* into, std::size_t count, std::size_t& got, std::string& why);
    bool skip(std::uint64_t count, std::string& why);

    int m_fd = -1;
    std::string m_bytes;
    std::size_t m_at = 0;
    unsigned m_sampleRate = 0;
    unsigned m_channels = 0;
    bool m_lengthKnown = false;
    std::uint64_t m_dataLeft = 0;
    std::uint64_t m_dataClaimed = 0;
    std::uint64_t m_dataRead = 0;
    std::string m_block;
};

/// Mixes interleaved channels down to one and resamples to `rate` as the samples come, with a
/// low-pass filter first when going down so that what the model never heard cannot alias
/// into what it did. Fed block by block, it gives the same samples as fed all at once.
class MonoResampler {
public:
    MonoResampler(unsigned inputRate, unsigned channels, unsigned rate = kVoiceSampleRate);
    /// Takes `count` interleaved samples; appends what can be computed so far to `out`.
    void push(const std::int16_t* samples, std::size_t count, std::vector<std::int16_t>& out);
    /// The input has ended: appends the rest to `out`.
    void finish(std::vector<std::int16_t>& out);

private:
    void produce(bool ended, std::vector<std::int16_t>& out);

    unsigned m_inputRate;
    std::size_t m_channels;
    unsigned m_rate;
    std::vector<std::int16_t> m_partial; // samples of a frame not yet whole
    std::vector<float> m_mono;           // input frames from m_base on
    std::size_t m_base = 0;
    std::size_t m_frames = 0; // input frames taken in all
    std::size_t m_next = 0;   // the next output sample
};

/// Reads a WAV file held in memory, all of it.
bool parseWav(const std::string& bytes, PcmSound& sound, std::string& why);

/// Reads a WAV file, all of it; `why` names what is wrong but not the file.
bool readWav(const std::string& path, PcmSound& sound, std::string& why);

/// Writes mono 16-bit samples as a WAV file (for tests and for keeping a recording).
bool writeWav(const std::string& path, const std::vector<std::int16_t>& samples,
              unsigned sampleRate);

/// Mixes the channels down to one and resamples to `rate`, with a low-pass filter first when
/// going down so that what the model never heard cannot alias into what it did.
std::vector<std::int16_t> toMono(const PcmSound& sound, unsigned rate = kVoiceSampleRate);

} // namespace rollcoach

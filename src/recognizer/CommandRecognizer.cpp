#include "CommandRecognizer.hpp"

#include "core/Translate.hpp"
#include "voice/Audio.hpp"

#include <pocketsphinx.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <type_traits>

namespace rollcoach {

namespace {

// The endpointer works on 10 ms frames, the decoder's own frame rate.
constexpr std::size_t kFrame = kVoiceSampleRate / 100;
// Sound this far above the noise floor is speech...
constexpr double kLoudAboveFloorDb = 12;
// ...if it is not close to digital silence either (an RMS of about 30 out of 32767).
constexpr double kQuietestSpeechDb = 30;
// Three loud frames in a row start an utterance, 0.45 s of quiet ends it: shorter pauses are
// the gaps inside words and between the sentences of one spoken line, so "Left side. Rest."
// stays one utterance, too long for a command, instead of leaving "Rest." alone to be taken
// for "resume" (with 0.3 s, three of rollcoach's own cue lines were taken for commands).
constexpr std::size_t kStartFrames = 3;
constexpr std::size_t kEndFrames = 45;
// The decoder hears a little of the quiet on either side of the word, but only a little: a
// longer stretch of quiet is better explained by free phones than by the word's edges, and
// the word would lose (150 ms cost one command in three in bench/voice.py, 30 ms one in ten).
constexpr std::size_t kMarginFrames = 3;

// Every phone of the model's dictionary, each as a word of its own: together they can spell
// any sound, which is how speech that is not a command finds a better path than a command.
constexpr const char* kPhones[] = {"AA", "AE", "AH", "AO", "AW", "AY", "B",  "CH", "D",  "DH",
                                   "EH", "ER", "EY", "F",  "G",  "HH", "IH", "IY", "JH", "K",
                                   "L",  "M",  "N",  "NG", "OW", "OY", "P",  "R",  "S",  "SH",
                                   "T",  "TH", "UH", "UW", "V",  "W",  "Y",  "Z",  "ZH"};

// The search: from the start, one command word to the end, or any run of phones, each phone
// paying `phonePenalty` (a probability). A command wins only where its word explains the sound
// better than free phones do by that margin: a phone run can spell any sound, and a command
// word takes three or four phones, so speech that is not a command finds the better path.
fsg_model_t* commandSearch(ps_decoder_t* ps, double phonePenalty) {
    logmath_t* logmath = ps_get_logmath(ps);
    fsg_model_t* fsg = fsg_model_init("commands", logmath, 1.0, 3);
    fsg->start_state = 0;
    fsg->final_state = 2;
    // Each pronunciation the dictionary gives ("next(2)" drops the t) is a path of its own.
    for (int command = 0; command < kVoiceCommandCount; ++command) {
        const char* word = commandWord(static_cast<VoiceCommand>(command));
        for (const char* variant : {"", "(2)", "(3)"}) {
            const std::string name = std::string(word) + variant;
            if (char* phones = ps_lookup_word(ps, name.c_str())) {
                ckd_free(phones);
                fsg_model_trans_add(fsg, 0, 2, 0, fsg_model_word_add(fsg, name.c_str()));
            }
        }
    }
    const int32 cost = logmath_log(logmath, phonePenalty);
    for (const char* phone : kPhones) {
        const int32 id = fsg_model_word_add(fsg, (std::string("phone_") + phone).c_str());
        fsg_model_trans_add(fsg, 0, 1, cost, id);
        fsg_model_trans_add(fsg, 1, 1, cost, id);
    }
    fsg_model_null_trans_add(fsg, 1, 2, 0);
    // Silence may come before and after the word.
    fsg_model_add_silence(fsg, "<sil>", -1, logmath_log(logmath, 0.1));
    return fsg;
}

double frameDb(const std::int16_t* samples) {
    double sum = 0;
    for (std::size_t i = 0; i < kFrame; ++i) {
        sum += static_cast<double>(samples[i]) * samples[i];
    }
    return 10 * std::log10(sum / kFrame + 1);
}

} // namespace

struct CommandRecognizer::Decoder {
    cmd_ln_t* config = nullptr;
    ps_decoder_t* ps = nullptr;

    ~Decoder() {
        if (ps != nullptr) {
            ps_free(ps);
        }
        if (config != nullptr) {
            cmd_ln_free_r(config);
        }
    }

    // Decodes the utterance; returns the words of the best path, silences and fillers left out.
    std::vector<std::string> decode(const std::vector<std::int16_t>& audio) {
        ps_start_utt(ps);
        ps_process_raw(ps, audio.data(), audio.size(), FALSE, TRUE);
        ps_end_utt(ps);
        std::vector<std::string> words;
        for (ps_seg_t* seg = ps_seg_iter(ps); seg != nullptr; seg = ps_seg_next(seg)) {
            std::string word = ps_seg_word(seg);
            // "next(2)" is the second pronunciation of "next".
            if (word.find('(') != std::string::npos && word[0] != '(') {
                word = word.substr(0, word.find('('));
            }
            if (!word.empty() && word[0] != '<' && word[0] != '[' && word[0] != '(') {
                words.push_back(word);
            }
        }
        return words;
    }
};

std::string CommandRecognizer::defaultModelDir() {
    return ROLLCOACH_POCKETSPHINX_MODELDIR "/en-us";
}

CommandRecognizer::CommandRecognizer(const std::string& modelDir, RecognizerLimits limits)
    : m_limits(limits) {
    namespace fs = std::filesystem;
    const std::string hmm = modelDir + "/en-us";
    const std::string dict = modelDir + "/cmudict-en-us.dict";
    for (const std::string& path : {hmm + "/mdef", dict}) {
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            m_error =
                rollcoach::fillIn(_("no speech model at {0} (install pocketsphinx-en-us)"), path);
            return;
        }
    }
    auto decoder = std::make_unique<Decoder>();
    // PocketSphinx logs every step of loading to the standard error; a user needs none of it.
    // Dither: the digital silence of a generated file gives frames of zero energy, whose
    // logarithm throws the cepstral mean off; a bit of noise keeps every frame finite.
    decoder->config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.c_str(), "-dict",
                                  dict.c_str(), "-logfn", "/dev/null", "-remove_silence", "no",
                                  "-samprate", "16000", "-dither", "yes", nullptr);
    if (decoder->config == nullptr) {
        m_error = _("the speech recogniser refused its settings");
        return;
    }
    decoder->ps = ps_init(decoder->config);
    if (decoder->ps == nullptr) {
        m_error = rollcoach::fillIn(_("cannot load the speech model from {0}"), modelDir);
        return;
    }
    for (const char* phone : kPhones) {
        ps_add_word(decoder->ps, (std::string("phone_") + phone).c_str(), phone, FALSE);
    }
    if (ps_set_fsg(decoder->ps, "commands", commandSearch(decoder->ps, m_limits.phonePenalty)) !=
            0 ||
        ps_set_search(decoder->ps, "commands") != 0) {
        m_error = _("cannot set up the command grammar");
        return;
    }
    m_decoder = std::move(decoder);
}

CommandRecognizer::~CommandRecognizer() = default;

std::vector<HeardCommand> CommandRecognizer::feed(const std::int16_t* samples, std::size_t count) {
    std::vector<HeardCommand> heard;
    m_pending.insert(m_pending.end(), samples, samples + count);
    std::size_t used = 0;
    for (; used + kFrame <= m_pending.size(); used += kFrame) {
        const std::int16_t* f = m_pending.data() + used;
        const double db = frameDb(f);
        // The floor falls at once to a quieter frame and rises slowly (2 dB a second), so
        // steady noise becomes the floor while speech stays above it. It starts low, not at the
        // first frame, which may already be speech.
        m_floorDb = m_floorDb < 0 ? std::min(db, kQuietestSpeechDb - kLoudAboveFloorDb)
                                  : std::min(db, m_floorDb + 0.02);
        const bool loud = db > m_floorDb + kLoudAboveFloorDb && db > kQuietestSpeechDb;
        m_runOfLoud = loud ? m_runOfLoud + 1 : 0;

        if (!m_inUtterance) {
            m_history.insert(m_history.end(), f, f + kFrame);
            const std::size_t keep = (kMarginFrames + kStartFrames) * kFrame;
            if (m_history.size() > keep) {
                m_history.erase(m_history.begin(), m_history.end() - keep);
            }
            if (m_runOfLoud >= kStartFrames) {
                m_inUtterance = true;
                m_startFrame = m_frames + 1 - kStartFrames;
                m_lastLoudFrame = m_frames;
                m_utterance = m_history;
                m_history.clear();
            }
        } else {
            if (loud) {
                m_lastLoudFrame = m_frames;
            }
            // Past the longest command only the length matters: keep no more audio.
            if (m_utterance.size() < (m_limits.longestS * 100 + 2 * kMarginFrames) * kFrame) {
                m_utterance.insert(m_utterance.end(), f, f + kFrame);
            }
            if (m_frames - m_lastLoudFrame >= kEndFrames) {
                decide(heard);
            }
        }
        ++m_frames;
    }
    m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<long>(used));
    return heard;
}

void CommandRecognizer::skip(std::size_t count) {
    m_pending.clear();
    m_history.clear();
    m_utterance.clear();
    m_inUtterance = false;
    m_runOfLoud = 0;
    m_frames += count / kFrame;
}

std::vector<HeardCommand> CommandRecognizer::finish() {
    std::vector<HeardCommand> heard;
    if (m_inUtterance) {
        decide(heard);
    }
    return heard;
}

void CommandRecognizer::decide(std::vector<HeardCommand>& heard) {
    m_inUtterance = false;
    Utterance u;
    u.seconds = static_cast<double>(m_startFrame) / 100;
    u.lengthS = static_cast<double>(m_lastLoudFrame + 1 - m_startFrame) / 100;
    // The audio ends a margin after the last loud frame.
    const std::size_t keep =
        std::min(m_utterance.size(),
                 (kMarginFrames + m_lastLoudFrame + 1 - m_startFrame + kMarginFrames) * kFrame);
    m_utterance.resize(keep);
    if (u.lengthS > m_limits.longestS) {
        u.rejected = _("too long");
    } else if (u.lengthS < m_limits.shortestS) {
        u.rejected = _("too short");
    } else if (m_decoder != nullptr) {
        const std::vector<std::string> words = m_decoder->decode(m_utterance);
        for (const std::string& word : words) {
            u.heard += (u.heard.empty() ? "" : " ") + word;
        }
        const auto command = words.size() == 1 ? commandFromWord(words[0]) : std::nullopt;
        if (command) {
            u.accepted = true;
            heard.push_back({*command, u.seconds});
        } else {
            u.rejected = _("not a command");
        }
    }
    m_utterance.clear();
    if (m_report) {
        m_report(u);
    }
}

} // namespace rollcoach

extern "C" rollcoach::Recognizer*
rollcoach_open_recognizer(const rollcoach::RecognizerLimits& limits, std::string& why) {
    static_assert(std::is_same_v<rollcoach::OpenRecognizer, decltype(&rollcoach_open_recognizer)>);
    auto recognizer = std::make_unique<rollcoach::CommandRecognizer>(
        rollcoach::CommandRecognizer::defaultModelDir(), limits);
    if (!recognizer->ok()) {
        why = recognizer->error();
        return nullptr;
    }
    return recognizer.release();
}

#include "Decoding.h"

#include "inference/InferenceError.h"

#include <torch/torch.h>

#include <cmath>
#include <limits>

namespace raddraft::inference {
namespace {

constexpr float kNegativeInfinity = -std::numeric_limits<float>::infinity();

double lengthPenaltyFactor(double alpha, std::size_t length) {
    return alpha == 0.0 ? 1.0 : std::pow((5.0 + double(length)) / 6.0, alpha);
}

} // namespace

std::vector<DecodedSequence> beamSearch(IncrementalDecoder& decoder, const DecodeOptions& options) {
    if (options.beamWidth < 1 || options.maxLength < 1 || options.minLength < 0) {
        throw InferenceError(ErrorCode::InvalidArgument, "beam width and maximum length must be >= 1");
    }
    const std::int64_t batch = decoder.batchSize();
    const std::int64_t beam = options.beamWidth;
    const std::int64_t rows = batch * beam;
    const std::int64_t vocabulary = decoder.vocabularySize();
    const torch::Device device = decoder.device();
    const auto longOptions = torch::TensorOptions().dtype(torch::kInt64).device(device);
    const auto floatOptions = torch::TensorOptions().dtype(torch::kFloat32).device(device);

    decoder.start(beam, options.maxLength);

    // Only beam 0 of each input is alive at the start, so the first step does not pick K copies.
    torch::Tensor scores = torch::full({batch, beam}, kNegativeInfinity, floatOptions);
    scores.select(1, 0).fill_(0.0f);
    scores = scores.view({rows});
    torch::Tensor finished = torch::zeros({rows}, longOptions.dtype(torch::kBool));
    torch::Tensor lastTokens = torch::zeros({rows}, longOptions);
    torch::Tensor history = torch::empty({rows, 0}, longOptions);
    torch::Tensor historyLogProbabilities = torch::empty({rows, 0}, floatOptions);
    torch::Tensor historyAttention; // (rows, t, L, P)
    const torch::Tensor batchOffsets = (torch::arange(batch, longOptions) * beam).unsqueeze(1); // (B, 1)
    // Row of a finished hypothesis: only EOS, at no cost.
    torch::Tensor finishedRow = torch::full({vocabulary}, kNegativeInfinity, floatOptions);
    finishedRow[0] = 0.0f;
    std::vector<std::vector<std::int64_t>> hostHistory(static_cast<std::size_t>(rows));

    for (int step = 0; step < options.maxLength; ++step) {
        if (options.isCancelled && options.isCancelled()) throw CancelledError();
        torch::Tensor attention;
        torch::Tensor logits = decoder.step(lastTokens, options.collectCrossAttention ? &attention : nullptr);
        torch::Tensor logProbabilities = torch::log_softmax(logits.to(torch::kFloat32), -1);
        if (step < options.minLength) logProbabilities.select(1, 0).fill_(kNegativeInfinity);
        if (options.blockRepeatedTrigrams && step >= 2) {
            torch::Tensor banned = torch::zeros({rows, vocabulary}, torch::kBool);
            auto bannedAccessor = banned.accessor<bool, 2>();
            for (std::int64_t row = 0; row < rows; ++row) {
                const auto& tokens = hostHistory[std::size_t(row)];
                const std::size_t n = tokens.size();
                for (std::size_t i = 0; i + 2 < n; ++i) {
                    if (tokens[i] == tokens[n - 2] && tokens[i + 1] == tokens[n - 1]) bannedAccessor[row][tokens[i + 2]] = true;
                }
            }
            logProbabilities = logProbabilities.masked_fill(banned.to(device), kNegativeInfinity);
        }
        logProbabilities = torch::where(finished.unsqueeze(1), finishedRow.unsqueeze(0), logProbabilities);

        torch::Tensor candidates = (scores.unsqueeze(1) + logProbabilities).view({batch, beam * vocabulary});
        auto [topScores, topIndices] = candidates.topk(beam, 1, true, true); // (B, K)
        const torch::Tensor parents = torch::div(topIndices, vocabulary, "floor");
        const torch::Tensor words = topIndices.remainder(vocabulary);
        const torch::Tensor parentRows = (parents + batchOffsets).view({rows});
        const torch::Tensor wordRows = words.view({rows});

        const torch::Tensor chosenLogProbabilities = logProbabilities.index({parentRows, wordRows});
        const torch::Tensor parentFinished = finished.index_select(0, parentRows);
        history = torch::cat({history.index_select(0, parentRows), wordRows.unsqueeze(1)}, 1);
        historyLogProbabilities = torch::cat(
            {historyLogProbabilities.index_select(0, parentRows), chosenLogProbabilities.unsqueeze(1)}, 1);
        if (options.collectCrossAttention && attention.defined()) {
            torch::Tensor chosen = attention.to(torch::kFloat32).index_select(0, parentRows).unsqueeze(1);
            historyAttention = historyAttention.defined()
                                   ? torch::cat({historyAttention.index_select(0, parentRows), chosen}, 1)
                                   : chosen;
        }
        finished = parentFinished.logical_or(wordRows.eq(0));
        scores = topScores.view({rows});
        lastTokens = wordRows;
        decoder.reorder(parentRows);
        if (options.blockRepeatedTrigrams) {
            const torch::Tensor hostParents = parentRows.to(torch::kCPU);
            const torch::Tensor hostWords = wordRows.to(torch::kCPU);
            std::vector<std::vector<std::int64_t>> next(static_cast<std::size_t>(rows));
            for (std::int64_t row = 0; row < rows; ++row) {
                next[std::size_t(row)] = hostHistory[std::size_t(hostParents[row].item<std::int64_t>())];
                next[std::size_t(row)].push_back(hostWords[row].item<std::int64_t>());
            }
            hostHistory = std::move(next);
        }
        if (options.progress) options.progress(double(step + 1) / double(options.maxLength));
        if (finished.all().item<bool>()) break;
    }

    // Pick the best beam per input on the host.
    const torch::Tensor hostHistory2 = history.to(torch::kCPU);
    const torch::Tensor hostLogProbabilities = historyLogProbabilities.to(torch::kCPU);
    const torch::Tensor hostScores = scores.to(torch::kCPU);
    const torch::Tensor hostAttention = historyAttention.defined() ? historyAttention.to(torch::kCPU) : torch::Tensor();
    const auto tokensAccessor = hostHistory2.accessor<std::int64_t, 2>();
    const auto logAccessor = hostLogProbabilities.accessor<float, 2>();
    const std::int64_t steps = hostHistory2.size(1);

    std::vector<DecodedSequence> results;
    for (std::int64_t b = 0; b < batch; ++b) {
        DecodedSequence best;
        double bestNormalised = -std::numeric_limits<double>::infinity();
        std::int64_t bestRow = b * beam;
        for (std::int64_t k = 0; k < beam; ++k) {
            const std::int64_t row = b * beam + k;
            const double score = double(hostScores[row].item<float>());
            if (!std::isfinite(score)) continue;
            std::size_t length = 0;
            bool eos = false;
            for (std::int64_t t = 0; t < steps; ++t) {
                ++length;
                if (tokensAccessor[row][t] == 0) {
                    eos = true;
                    break;
                }
            }
            const double normalised = score / lengthPenaltyFactor(options.lengthPenalty, length);
            if (normalised > bestNormalised) {
                bestNormalised = normalised;
                bestRow = row;
                best.score = score;
                best.endedWithEos = eos;
            }
        }
        for (std::int64_t t = 0; t < steps && tokensAccessor[bestRow][t] != 0; ++t) {
            best.tokens.push_back(tokensAccessor[bestRow][t]);
            best.logProbabilities.push_back(logAccessor[bestRow][t]);
        }
        if (hostAttention.defined()) {
            best.crossAttention = hostAttention[bestRow].narrow(0, 0, std::int64_t(best.tokens.size())).clone();
        }
        results.push_back(std::move(best));
    }
    return results;
}

} // namespace raddraft::inference

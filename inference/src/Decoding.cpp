#include "Decoding.h"

#include "inference/InferenceError.h"

#include <torch/torch.h>

#include <algorithm>
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
    // Per step: the parent row of every new row, its word, log-probability and the attention
    // of the parent at that step. Hypotheses are rebuilt by backtracking once at the end, so a
    // step costs no history copies.
    std::vector<torch::Tensor> stepParents, stepWords, stepLogProbabilities, stepAttention;
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
        stepParents.push_back(parentRows);
        stepWords.push_back(wordRows);
        stepLogProbabilities.push_back(chosenLogProbabilities);
        if (options.collectCrossAttention && attention.defined()) stepAttention.push_back(attention);
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

    // Backtrack on the host.
    const std::int64_t steps = std::int64_t(stepWords.size());
    const torch::Tensor parentsHost = torch::stack(stepParents).to(torch::kCPU);            // (T, rows)
    const torch::Tensor wordsHost = torch::stack(stepWords).to(torch::kCPU);                // (T, rows)
    const torch::Tensor logHost = torch::stack(stepLogProbabilities).to(torch::kCPU);       // (T, rows)
    const torch::Tensor scoresHost = scores.to(torch::kCPU);
    const auto parentsAccessor = parentsHost.accessor<std::int64_t, 2>();
    const auto wordsAccessor = wordsHost.accessor<std::int64_t, 2>();
    const auto logAccessor = logHost.accessor<float, 2>();
    struct Path {
        std::vector<std::int64_t> tokens;        // all steps, EOS padding included
        std::vector<float> logProbabilities;
        std::vector<std::int64_t> attentionRows; // row of the step's attention tensor
    };
    auto backtrack = [&](std::int64_t row) {
        Path path;
        for (std::int64_t t = steps - 1; t >= 0; --t) {
            path.tokens.push_back(wordsAccessor[t][row]);
            path.logProbabilities.push_back(logAccessor[t][row]);
            row = parentsAccessor[t][row];
            path.attentionRows.push_back(row);
        }
        std::reverse(path.tokens.begin(), path.tokens.end());
        std::reverse(path.logProbabilities.begin(), path.logProbabilities.end());
        std::reverse(path.attentionRows.begin(), path.attentionRows.end());
        return path;
    };

    std::vector<DecodedSequence> results;
    for (std::int64_t b = 0; b < batch; ++b) {
        DecodedSequence best;
        Path bestPath;
        double bestNormalised = -std::numeric_limits<double>::infinity();
        for (std::int64_t k = 0; k < beam; ++k) {
            const std::int64_t row = b * beam + k;
            const double score = double(scoresHost[row].item<float>());
            if (!std::isfinite(score)) continue;
            Path path = backtrack(row);
            std::size_t length = 0;
            bool eos = false;
            for (std::int64_t token : path.tokens) {
                ++length;
                if (token == 0) {
                    eos = true;
                    break;
                }
            }
            const double normalised = score / lengthPenaltyFactor(options.lengthPenalty, length);
            if (normalised > bestNormalised) {
                bestNormalised = normalised;
                bestPath = std::move(path);
                best.score = score;
                best.endedWithEos = eos;
            }
        }
        std::vector<torch::Tensor> attentionRows;
        for (std::size_t t = 0; t < bestPath.tokens.size() && bestPath.tokens[t] != 0; ++t) {
            best.tokens.push_back(bestPath.tokens[t]);
            best.logProbabilities.push_back(bestPath.logProbabilities[t]);
            if (!stepAttention.empty()) attentionRows.push_back(stepAttention[t][bestPath.attentionRows[t]]);
        }
        if (!stepAttention.empty()) {
            best.crossAttention = attentionRows.empty()
                                      ? torch::empty({0, stepAttention.front().size(1), stepAttention.front().size(2)})
                                      : torch::stack(attentionRows).to(torch::kCPU, torch::kFloat32);
        }
        results.push_back(std::move(best));
    }
    return results;
}

} // namespace raddraft::inference

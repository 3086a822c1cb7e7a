#include "ReportModel.h"

#include "FileUtil.h"
#include "Sha256.h"
#include "inference/Bundle.h"

#include <torch/torch.h>

#include <algorithm>
#include <filesystem>

namespace raddraft::inference {
namespace fs = std::filesystem;

void StageClock::begin(const std::string& stage) {
    m_stage = stage;
    m_start = std::chrono::steady_clock::now();
}

void StageClock::end() {
    synchronizeDevice(m_device);
    const auto elapsed = std::chrono::steady_clock::now() - m_start;
    m_timings.push_back({m_stage, std::chrono::duration<double, std::milli>(elapsed).count()});
}

ReportModel::ReportModel(Manifest manifest)
    : m_manifest(std::move(manifest)), m_vocabulary(m_manifest.vocabulary) {}

DecodeOptions ReportModel::defaultDecodeOptions() const {
    DecodeOptions options;
    options.beamWidth = hyperParameter("beam_width", 3);
    options.maxLength = hyperParameter("max_length", 60);
    options.lengthPenalty = hyperParameter("length_penalty", 0.0);
    options.blockRepeatedTrigrams = hyperParameter("block_trigrams", false);
    return options;
}

ModelRegistry::ModelRegistry() {
    registerTransformerModel(*this);
    registerCknetModel(*this);
    registerPpkedModel(*this);
    registerCvseModel(*this);
    registerAsgkModel(*this);
    registerJpgModel(*this);
    // Seed models register here as they land: registerPpkedModel(*this); registerCknetModel(*this); ...
}

ModelRegistry& ModelRegistry::instance() {
    static ModelRegistry registry;
    return registry;
}

void ModelRegistry::add(ModelType type) {
    const std::string name = type.name;
    m_types[name] = std::move(type);
}

const ModelType& ModelRegistry::find(const std::string& name) const {
    const auto found = m_types.find(name);
    if (found == m_types.end()) {
        std::string known;
        for (const auto& [key, value] : m_types) known += (known.empty() ? "" : ", ") + key;
        throw InferenceError(ErrorCode::UnknownModelType,
                             "model type '" + name + "' is not registered (known: " + known + ")");
    }
    return found->second;
}

std::vector<std::string> ModelRegistry::names() const {
    std::vector<std::string> names;
    for (const auto& [key, value] : m_types) names.push_back(key);
    return names;
}

nlohmann::json mergeHyperParameters(const ModelType& type, const nlohmann::json& overrides) {
    nlohmann::json merged = type.defaultHyperParameters;
    if (!overrides.is_object()) {
        throw InferenceError(ErrorCode::InvalidArgument, "hyper-parameters must be a JSON object");
    }
    for (const auto& [key, value] : overrides.items()) {
        if (!merged.contains(key)) {
            throw InferenceError(ErrorCode::InvalidArgument,
                                 "hyper-parameter '" + key + "' is not known to model type '" + type.name + "'");
        }
        merged[key] = value;
    }
    return merged;
}

std::unique_ptr<ReportModel> createModel(Manifest manifest, std::uint64_t seed) {
    return translateTorchErrors("creating model '" + manifest.modelType + "'", [&] {
        const ModelType& type = ModelRegistry::instance().find(manifest.modelType);
        manifest.hyperParameters = mergeHyperParameters(type, manifest.hyperParameters);
        Vocabulary check(manifest.vocabulary); // validates before any allocation
        torch::manual_seed(seed);
        return type.create(manifest);
    });
}

std::unique_ptr<ReportModel> loadModel(const std::string& bundleDirectory, const DeviceSelection& device,
                                       bool verifyChecksums) {
    Manifest manifest = readManifest(bundleDirectory);
    const std::string manifestPath = (fs::path(bundleDirectory) / kManifestFileName).string();
    const ModelType& type = ModelRegistry::instance().find(manifest.modelType);
    try {
        manifest.hyperParameters = mergeHyperParameters(type, manifest.hyperParameters);
        Vocabulary check(manifest.vocabulary);
    } catch (const InferenceError& error) {
        throw InferenceError(ErrorCode::CorruptBundle, manifestPath, error.what());
    }
    if (verifyChecksums) verifyWeightsChecksums(bundleDirectory, manifest);
    std::vector<std::string> files;
    for (const WeightsFileSpec& file : manifest.weights) files.push_back((fs::path(bundleDirectory) / file.file).string());

    return translateTorchErrors("loading bundle " + bundleDirectory, [&] {
        std::unique_ptr<ReportModel> model;
        try {
            model = type.create(manifest);
        } catch (const InferenceError& error) {
            // A type rejecting its hyper-parameters means the manifest is wrong.
            throw InferenceError(ErrorCode::CorruptBundle, manifestPath, error.what());
        }
        loadModuleWeights(model->network(), files);
        moveModule(model->network(), device.device, device.halfPrecision ? torch::kFloat16 : torch::kFloat32);
        model->network().eval();
        return model;
    });
}

void saveBundle(ReportModel& model, const std::string& bundleDirectory, bool storeHalf, bool overwrite) {
    const fs::path target = fs::path(bundleDirectory);
    if (fs::exists(target) && !overwrite) {
        throw InferenceError(ErrorCode::Io, bundleDirectory, "already exists (pass overwrite to replace it)");
    }
    if (target.has_parent_path()) fs::create_directories(target.parent_path());
    const fs::path temporary = temporarySiblingPath(bundleDirectory);
    std::error_code error;
    fs::create_directories(temporary, error);
    if (error) throw InferenceError(ErrorCode::Io, temporary.string(), "cannot create directory: " + error.message());
    try {
        Manifest manifest = model.manifest();
        const std::string weightsName = "model.safetensors";
        translateTorchErrors("saving weights", [&] {
            saveModuleWeights(model.network(), (temporary / weightsName).string(), storeHalf,
                              {{"format", "pt"}, {"raddraft_model_type", manifest.modelType}});
        });
        manifest.weights = {{weightsName, Sha256::hexOfFile((temporary / weightsName).string())}};
        writeTextFileAtomically((temporary / kManifestFileName).string(), manifest.toJson().dump(2) + "\n");
        if (fs::exists(target)) {
            const fs::path old = temporarySiblingPath(bundleDirectory);
            fs::rename(target, old);
            fs::rename(temporary, target);
            fs::remove_all(old, error);
        } else {
            fs::rename(temporary, target);
        }
    } catch (const fs::filesystem_error& failure) {
        fs::remove_all(temporary, error);
        throw InferenceError(ErrorCode::Io, bundleDirectory, failure.what());
    } catch (...) {
        fs::remove_all(temporary, error);
        throw;
    }
}

namespace {

Heatmap heatmapOf(const torch::Tensor& values, const std::string& view, std::int64_t rows, std::int64_t cols) {
    Heatmap heatmap{view, int(rows), int(cols), {}};
    const torch::Tensor contiguous = values.contiguous().to(torch::kFloat32);
    heatmap.values.assign(contiguous.data_ptr<float>(), contiguous.data_ptr<float>() + contiguous.numel());
    return heatmap;
}

std::vector<Heatmap> splitViews(const torch::Tensor& patches, const std::vector<std::string>& views, std::int64_t rows,
                                std::int64_t cols) {
    std::vector<Heatmap> heatmaps;
    for (std::size_t v = 0; v < views.size(); ++v) {
        heatmaps.push_back(heatmapOf(patches.narrow(0, std::int64_t(v) * rows * cols, rows * cols), views[v], rows, cols));
    }
    return heatmaps;
}

// Whole-word (token sequence) match of a phrase in a sentence.
bool mentions(const std::vector<std::string>& sentenceTokens, const std::string& phrase) {
    const std::vector<std::string> words = splitTokens(phrase);
    if (words.empty() || words.size() > sentenceTokens.size()) return false;
    for (std::size_t i = 0; i + words.size() <= sentenceTokens.size(); ++i) {
        if (std::equal(words.begin(), words.end(), sentenceTokens.begin() + std::ptrdiff_t(i))) return true;
    }
    return false;
}

} // namespace

Draft assembleDraft(const ReportModel& model, const DecodedSequence& sequence, const std::vector<std::string>& views,
                    std::int64_t gridRows, std::int64_t gridCols, const torch::Tensor& tagProbabilities,
                    const torch::Tensor& findingActivations) {
    const Manifest& manifest = model.manifest();
    Draft draft;
    draft.views = views;
    std::vector<std::string> tokenTexts;
    torch::Tensor perToken; // (T, P): mean over layers
    if (sequence.crossAttention.defined() && sequence.crossAttention.size(0) > 0) {
        perToken = sequence.crossAttention.mean(1);
    }
    for (std::size_t t = 0; t < sequence.tokens.size(); ++t) {
        DraftToken token;
        token.text = model.vocabulary().tokenOf(sequence.tokens[t]);
        token.logProbability = sequence.logProbabilities[t];
        if (perToken.defined()) token.heatmaps = splitViews(perToken[std::int64_t(t)], views, gridRows, gridCols);
        tokenTexts.push_back(token.text);
        draft.tokens.push_back(std::move(token));
    }

    const double threshold = manifest.hyperParameters.value("tag_threshold", 0.5);
    std::vector<double> probabilities;
    if (tagProbabilities.defined()) {
        const torch::Tensor values = tagProbabilities.to(torch::kFloat64).contiguous();
        probabilities.assign(values.data_ptr<double>(), values.data_ptr<double>() + values.numel());
    }
    for (std::size_t i = 0; i < probabilities.size() && i < manifest.labels.size(); ++i) {
        draft.findings.push_back({manifest.labels[i], probabilities[i], probabilities[i] >= threshold, {}});
    }
    if (findingActivations.defined()) {
        const torch::Tensor positive = findingActivations.to(torch::kFloat32).clamp_min(0); // (P, L)
        const torch::Tensor mass = positive.sum(0);                                          // (L)
        for (std::size_t i = 0; i < draft.findings.size(); ++i) {
            const std::int64_t label = std::int64_t(i);
            if (mass[label].item<float>() <= 0.0f) continue; // no positive evidence: no map
            draft.findings[i].heatmaps =
                splitViews(positive.select(1, label) / mass[label], views, gridRows, gridCols);
        }
    }

    // Phrases that mark each label in report text: its name plus the graph node's synonyms.
    std::vector<std::vector<std::string>> labelPhrases(manifest.labels.size());
    for (std::size_t i = 0; i < manifest.labels.size(); ++i) {
        labelPhrases[i].push_back(manifest.labels[i]);
        if (manifest.knowledgeGraph) {
            for (const KnowledgeGraphNode& node : manifest.knowledgeGraph->nodes) {
                if (node.name == manifest.labels[i]) {
                    labelPhrases[i].insert(labelPhrases[i].end(), node.synonyms.begin(), node.synonyms.end());
                }
            }
        }
    }

    for (const TokenSpan& span : splitSentences(tokenTexts)) {
        DraftSentence sentence;
        sentence.text = detokenizeSentence(tokenTexts, span);
        if (sentence.text.empty()) continue;
        sentence.tokenBegin = span.begin;
        sentence.tokenEnd = span.end;
        if (perToken.defined()) {
            sentence.heatmaps = splitViews(perToken.narrow(0, span.begin, span.end - span.begin).mean(0), views, gridRows, gridCols);
        }
        const std::vector<std::string> words(tokenTexts.begin() + span.begin, tokenTexts.begin() + span.end);
        for (std::size_t i = 0; i < draft.findings.size(); ++i) {
            for (const std::string& phrase : labelPhrases[i]) {
                if (mentions(words, phrase)) {
                    sentence.support.tags.push_back({draft.findings[i].name, draft.findings[i].probability});
                    break;
                }
            }
        }
        draft.text += (draft.text.empty() ? "" : " ") + sentence.text;
        draft.sentences.push_back(std::move(sentence));
    }

    if (manifest.knowledgeGraph) {
        const KnowledgeGraph& graph = *manifest.knowledgeGraph;
        const std::vector<float> adjacency = graph.normalizedAdjacency(false);
        for (const KnowledgeGraphNode& node : graph.nodes) {
            double activation = node.id == graph.globalNode ? 1.0 : 0.0;
            for (const Finding& finding : draft.findings) {
                if (finding.name == node.name) activation = finding.probability;
            }
            draft.graphNodes.push_back({node.id, node.name, node.group, activation});
        }
        for (const KnowledgeGraphEdge& edge : graph.edges) {
            draft.graphEdges.push_back(
                {edge.source, edge.target, double(adjacency[std::size_t(edge.source * graph.nodeCount() + edge.target)])});
        }
    }
    return draft;
}

// ---- public Bundle.h -------------------------------------------------------------------------

void createRandomBundle(const BundleSpec& spec, const std::string& bundleDirectory, bool overwrite) {
    Manifest manifest;
    manifest.modelType = spec.modelType;
    manifest.modelName = spec.name.empty() ? spec.modelType : spec.name;
    manifest.modelVersion = spec.version;
    try {
        manifest.hyperParameters = nlohmann::json::parse(spec.hyperParametersJson);
        manifest.provenance = nlohmann::json::parse(spec.provenanceJson);
    } catch (const nlohmann::json::exception& error) {
        throw InferenceError(ErrorCode::InvalidArgument, std::string("bundle spec JSON is invalid: ") + error.what());
    }
    manifest.provenance["initialisation"] = {{"kind", "random"}, {"seed", spec.seed}};
    manifest.vocabulary = spec.vocabulary;
    cleaningStyleFromName(spec.cleaning);
    manifest.cleaning = spec.cleaning;
    if (!spec.knowledgeGraphFile.empty()) manifest.knowledgeGraph = KnowledgeGraph::load(spec.knowledgeGraphFile);
    manifest.labels = spec.labels;
    if (manifest.labels.empty() && manifest.knowledgeGraph) manifest.labels = manifest.knowledgeGraph->findingNames();
    manifest.preprocessing.imageSize = spec.imageSize;
    manifest.preprocessing.views = spec.views;
    if (spec.views.empty()) throw InferenceError(ErrorCode::InvalidArgument, "a bundle needs at least one view");
    std::unique_ptr<ReportModel> model = createModel(manifest, spec.seed);
    saveBundle(*model, bundleDirectory, spec.storeHalf, overwrite);
}

std::vector<std::string> registeredModelTypes() { return ModelRegistry::instance().names(); }

std::string defaultHyperParametersJson(const std::string& modelType) {
    return ModelRegistry::instance().find(modelType).defaultHyperParameters.dump(2);
}

BundleSummary inspectBundle(const std::string& bundleDirectory) {
    const Manifest manifest = readManifest(bundleDirectory);
    BundleSummary summary;
    summary.modelType = manifest.modelType;
    summary.name = manifest.modelName;
    summary.version = manifest.modelVersion;
    summary.bundleHash = bundleHash(bundleDirectory);
    summary.views = manifest.preprocessing.views;
    summary.labels = manifest.labels;
    summary.vocabularySize = std::int64_t(manifest.vocabulary.size());
    return summary;
}

} // namespace raddraft::inference

#include "JpgModel.h"

#include "GenerationStages.h"

#include "inference/InferenceError.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace raddraft::inference {

nlohmann::json jpgDefaultHyperParameters() {
    return {{"visual_extractor", "resnet18"},
            {"d_model", 256},
            {"num_heads", 8},
            {"num_layers", 3},
            {"d_ff", 128},
            {"dropout", 0.1},
            {"max_length", 60},
            {"beam_width", 3},
            {"length_penalty", 0.0},
            {"block_trigrams", false},
            {"tag_threshold", 0.5},
            {"basis_vectors", 256},
            {"basis_dim", 128},
            {"similarity_scale", 10.0},
            {"shared_subspace", true},
            {"auxiliary_labels", true},
            {"label_max_tokens", 5},
            {"label_hidden", 128},
            {"context_words",
             {"left", "right", "bilateral", "upper", "middle", "lower", "base", "apex", "mild", "moderate", "severe", "small",
              "large"}},
            {"label_epochs_single", 10},
            {"label_epochs_context", 10},
            {"label_loss_weight", 1.0}};
}

void registerJpgModel(ModelRegistry& registry) {
    registry.add({"jpg",
                  "JPG: visual and word features re-expressed over a shared base matrix; predicted context-aware "
                  "disease labels (classifier + GRU) join the visual tokens of a Transformer encoder-decoder (You et al.)",
                  jpgDefaultHyperParameters(),
                  [](const Manifest& manifest) { return std::make_unique<JpgReportModel>(manifest); }});
}

std::vector<std::string> jpgLabelVocabulary(const std::vector<std::string>& labels, const std::vector<std::string>& contextWords) {
    std::vector<std::string> vocabulary{"<eos>"};
    for (std::string label : labels) {
        std::replace(label.begin(), label.end(), ' ', '_');
        vocabulary.push_back(label);
    }
    for (const std::string& word : contextWords) {
        if (word.empty() || word.find(' ') != std::string::npos) {
            throw InferenceError(ErrorCode::InvalidArgument, "context_words must be single words, not \"" + word + "\"");
        }
        if (std::find(vocabulary.begin(), vocabulary.end(), word) != vocabulary.end()) {
            throw InferenceError(ErrorCode::InvalidArgument, "context word \"" + word + "\" is listed twice or is a label");
        }
        vocabulary.push_back(word);
    }
    return vocabulary;
}

// ---- the shared subspace (eq. 4-10) -------------------------------------------------------------

SharedSubspaceImpl::SharedSubspaceImpl(const SharedSubspaceOptions& options) : m_options(options) {
    if (options.visualFeatures < 1 || options.textFeatures < 1 || options.basisVectors < 1 || options.basisDimension < 1 ||
        options.subspaceDimension < 1) {
        throw InferenceError(ErrorCode::InvalidArgument, "the shared subspace needs positive sizes (basis_vectors, basis_dim)");
    }
    if (!(options.similarityScale > 0.0)) {
        throw InferenceError(ErrorCode::InvalidArgument, "similarity_scale must be positive");
    }
    basis = register_parameter("basis", torch::empty({options.basisVectors, options.basisDimension}));
    torch::nn::init::xavier_uniform_(basis);
    projectVisual = register_module(
        "project_visual", torch::nn::Linear(torch::nn::LinearOptions(options.visualFeatures, options.subspaceDimension).bias(false)));
    projectText = register_module(
        "project_text", torch::nn::Linear(torch::nn::LinearOptions(options.textFeatures, options.subspaceDimension).bias(false)));
    projectBasis = register_module(
        "project_basis", torch::nn::Linear(torch::nn::LinearOptions(options.basisDimension, options.subspaceDimension).bias(false)));
}

torch::Tensor SharedSubspaceImpl::projectedBasis() { return projectBasis(basis); }

SharedSubspaceImpl::Result SharedSubspaceImpl::represent(const torch::Tensor& projected) {
    const torch::Tensor projectedBasisRows = projectedBasis(); // B̃ (m, d_s)
    // Eq. 7 as the text says, a cosine similarity, times a fixed scale s. Bounded in [-s, s], the
    // softmax of eq. 8-9 cannot saturate as dot products did (they grew with the projections until
    // every patch snapped to one basis vector and different studies became identical); without s
    // the logits span at most 2 and the rows over m = 256 basis vectors are nearly uniform, so every
    // r is close to the mean basis vector and the decoder barely tells words apart.
    namespace F = torch::nn::functional;
    const auto unit = F::NormalizeFuncOptions().dim(-1).eps(1e-8);
    const torch::Tensor similarity =
        torch::matmul(F::normalize(projected, unit), F::normalize(projectedBasisRows, unit).t()) * m_options.similarityScale;
    Result result;
    result.weights = torch::softmax(similarity, -1);                         // eq. 8-9
    result.representation = torch::matmul(result.weights, projectedBasisRows); // eq. 10
    return result;
}

SharedSubspaceImpl::Result SharedSubspaceImpl::visual(const torch::Tensor& features) { return represent(projectVisual(features)); }

SharedSubspaceImpl::Result SharedSubspaceImpl::textual(const torch::Tensor& features) { return represent(projectText(features)); }

// ---- context-aware disease prediction (§3.4) ------------------------------------------------------

JpgLabelClassifierImpl::JpgLabelClassifierImpl(std::int64_t modelDimension, std::int64_t labels) {
    if (modelDimension < 1 || labels < 1) throw InferenceError(ErrorCode::InvalidArgument, "the label classifier needs labels");
    m_attention = register_module("attention", torch::nn::Linear(modelDimension, labels));
    m_hidden = register_module("hidden", torch::nn::Linear(modelDimension, modelDimension));
    const double bound = 1.0 / std::sqrt(double(modelDimension));
    m_weight = register_parameter("weight", torch::empty({labels, modelDimension}).uniform_(-bound, bound));
    m_bias = register_parameter("bias", torch::zeros({labels}));
}

JpgLabelClassifierImpl::Output JpgLabelClassifierImpl::forward(const torch::Tensor& representations) {
    Output output;
    output.attention = torch::softmax(m_attention(representations), 1).transpose(1, 2); // (B, L, P)
    const torch::Tensor pooled = torch::matmul(output.attention, representations);      // (B, L, d)
    output.embeddings = torch::relu(m_hidden(pooled));
    output.logits = (output.embeddings * m_weight).sum(-1) + m_bias;
    return output;
}

JpgLabelDecoderImpl::JpgLabelDecoderImpl(std::int64_t inputDimension, std::int64_t hidden, std::int64_t vocabularySize) {
    if (inputDimension < 1 || hidden < 1 || vocabularySize < 2) {
        throw InferenceError(ErrorCode::InvalidArgument, "the label decoder needs label_hidden >= 1 and a label vocabulary");
    }
    embedding = register_module("embedding", torch::nn::Embedding(vocabularySize, inputDimension));
    m_init = register_module("init", torch::nn::Linear(inputDimension, hidden));
    m_cell = register_module("gru", torch::nn::GRUCell(inputDimension, hidden));
    m_output = register_module("output", torch::nn::Linear(hidden, vocabularySize));
}

torch::Tensor JpgLabelDecoderImpl::initialState(const torch::Tensor& embeddings) { return torch::tanh(m_init(embeddings)); }

torch::Tensor JpgLabelDecoderImpl::forward(const torch::Tensor& state, const torch::Tensor& inputs) {
    const torch::Tensor embedded = embedding(inputs); // (N, T, d)
    torch::Tensor h = state;
    std::vector<torch::Tensor> outputs;
    for (std::int64_t t = 0; t < inputs.size(1); ++t) {
        h = m_cell(embedded.select(1, t), h);
        outputs.push_back(h);
    }
    return m_output(torch::stack(outputs, 1));
}

LabelDecoding JpgLabelDecoderImpl::decode(const torch::Tensor& state, std::int64_t steps, const torch::Tensor& firstTokens) {
    if (steps < 1) throw InferenceError(ErrorCode::InvalidArgument, "label_max_tokens must be at least 1");
    torch::NoGradGuard noGrad;
    const std::int64_t rows = state.size(0);
    const auto longOptions = torch::TensorOptions().dtype(torch::kInt64).device(state.device());
    const auto floatOptions = torch::TensorOptions().dtype(torch::kFloat32).device(state.device());
    LabelDecoding decoding;
    decoding.tokens = torch::zeros({rows, steps}, longOptions);
    decoding.lengths = torch::zeros({rows}, longOptions);
    decoding.logProbabilities = torch::zeros({rows, steps}, floatOptions);
    decoding.endLogProbability = torch::zeros({rows}, floatOptions);
    torch::Tensor finished = torch::zeros({rows}, longOptions.dtype(torch::kBool));
    torch::Tensor input = torch::zeros({rows}, longOptions); // BOS
    torch::Tensor h = state;
    for (std::int64_t t = 0; t < steps; ++t) {
        h = m_cell(embedding(input), h);
        const torch::Tensor logProbabilities = torch::log_softmax(m_output(h).to(torch::kFloat32), -1);
        const torch::Tensor choice =
            t == 0 && firstTokens.defined() ? firstTokens.to(longOptions) : logProbabilities.argmax(-1);
        const torch::Tensor chosen = logProbabilities.gather(1, choice.view({-1, 1})).squeeze(1);
        const torch::Tensor active = finished.logical_not();
        const torch::Tensor isEnd = choice.eq(0);
        const torch::Tensor emit = active & isEnd.logical_not();
        decoding.endLogProbability = torch::where(active & isEnd, chosen, decoding.endLogProbability);
        decoding.tokens.select(1, t).copy_(torch::where(emit, choice, torch::zeros_like(choice)));
        decoding.logProbabilities.select(1, t).copy_(torch::where(emit, chosen, torch::zeros_like(chosen)));
        decoding.lengths += emit.to(torch::kInt64);
        finished = finished | (active & isEnd);
        input = choice;
        if (finished.all().item<bool>()) break;
    }
    return decoding;
}

// ---- the network ---------------------------------------------------------------------------

JpgNetworkImpl::JpgNetworkImpl(const VisualExtractorOptions& extractor, const JpgOptions& options)
    : m_options(options), m_positions(options.modelDimension) {
    if (options.layers <= 0 || options.modelDimension <= 0 || options.vocabularySize <= 1 || options.inputFeatures <= 0 ||
        options.feedForwardDimension <= 0 || options.dropout < 0.0 || options.dropout >= 1.0 || options.heads <= 0 ||
        options.modelDimension % options.heads != 0 || options.modelDimension % 2 != 0) {
        throw InferenceError(ErrorCode::InvalidArgument, "invalid jpg options (d_model, num_heads, num_layers, d_ff or dropout)");
    }
    if (options.labels < 1) {
        throw InferenceError(ErrorCode::InvalidArgument, "jpg predicts disease labels: the manifest needs labels (a knowledge graph)");
    }
    if (options.labelMaxTokens < 1 || options.labelHidden < 1) {
        throw InferenceError(ErrorCode::InvalidArgument, "label_max_tokens and label_hidden must be at least 1");
    }
    visualExtractor = register_module("visual_extractor", VisualExtractor(extractor));
    tagHead = register_module("tag_head", TagHead(TagHeadOptions{options.inputFeatures, options.labels, 0.0}));
    if (options.sharedSubspace) {
        subspace = register_module("subspace", SharedSubspace(SharedSubspaceOptions{options.inputFeatures, options.modelDimension,
                                                                                     options.basisVectors, options.basisDimension,
                                                                                     options.modelDimension, options.similarityScale}));
    } else {
        m_visualProjection = register_module(
            "att_embed", torch::nn::Sequential(torch::nn::Linear(options.inputFeatures, options.modelDimension),
                                               torch::nn::ReLU(), torch::nn::Dropout(options.dropout)));
    }
    m_embedding = register_module("tgt_embed", torch::nn::Embedding(options.vocabularySize, options.modelDimension));
    m_embeddingDropout = register_module("embedding_dropout", torch::nn::Dropout(options.dropout));
    labelClassifier = register_module("label_classifier", JpgLabelClassifier(options.modelDimension, options.labels));
    labelDecoder = register_module("label_decoder",
                                   JpgLabelDecoder(options.modelDimension, options.labelHidden, options.labelVocabularySize));
    TransformerOptions transformer;
    transformer.inputFeatures = options.inputFeatures;
    transformer.vocabularySize = options.vocabularySize;
    transformer.modelDimension = options.modelDimension;
    transformer.heads = options.heads;
    transformer.layers = options.layers;
    transformer.feedForwardDimension = options.feedForwardDimension;
    transformer.dropout = options.dropout;
    m_encoderLayers = register_module("encoder_layers", torch::nn::ModuleList());
    m_decoderLayers = register_module("decoder_layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < options.layers; ++i) {
        m_encoder.push_back(EncoderLayer(transformer));
        m_encoderLayers->push_back(m_encoder.back());
        m_decoder.push_back(DecoderLayer(transformer));
        m_decoderLayers->push_back(m_decoder.back());
    }
    m_encoderNorm = register_module("encoder_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_decoderNorm = register_module("decoder_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_logit = register_module("logit", torch::nn::Linear(options.modelDimension, options.vocabularySize));
    m_labelStagesDone = register_buffer("label_stages_done", torch::zeros({}));

    torch::NoGradGuard noGrad;
    // Xavier-uniform for every matrix of the report and label heads (as R2Gen initialises); the
    // extractor and the tag head keep theirs or come from a bundle.
    for (auto& item : named_parameters()) {
        const std::string& name = item.key();
        if (name.rfind("visual_extractor.", 0) == 0 || name.rfind("tag_head.", 0) == 0) continue;
        if (item.value().dim() > 1) torch::nn::init::xavier_uniform_(item.value());
    }
}

bool JpgNetworkImpl::labelStagesDone() const { return m_labelStagesDone.item<float>() > 0.5f; }

void JpgNetworkImpl::markLabelStagesDone() {
    torch::NoGradGuard noGrad;
    m_labelStagesDone.fill_(1.0);
}

SharedSubspaceImpl::Result JpgNetworkImpl::visualRepresentations(const torch::Tensor& patches) {
    if (subspace) return subspace->visual(patches);
    return {m_visualProjection->forward(patches), torch::Tensor()};
}

torch::Tensor JpgNetworkImpl::textualRepresentations(const torch::Tensor& tokens) {
    const torch::Tensor embedded = m_embedding(tokens);
    return subspace ? subspace->textual(embedded).representation : embedded;
}

torch::Tensor JpgNetworkImpl::labelRepresentations(const torch::Tensor& labelTokens) {
    const torch::Tensor embedded = labelDecoder->embedding(labelTokens);
    return subspace ? subspace->textual(embedded).representation : embedded;
}

JpgLabelClassifierImpl::Output JpgNetworkImpl::classify(const torch::Tensor& visual) {
    return labelClassifier(visual + m_positions.rows(0, visual.size(1), visual.options()));
}

torch::Tensor JpgNetworkImpl::labelStates(const JpgLabelClassifierImpl::Output& classified) {
    const torch::Tensor embeddings = classified.embeddings;
    return labelDecoder->initialState(embeddings.reshape({embeddings.size(0) * embeddings.size(1), embeddings.size(2)}));
}

JpgEncoded JpgNetworkImpl::encode(const torch::Tensor& patches) {
    const std::int64_t batch = patches.size(0);
    const std::int64_t labels = m_options.labels;
    JpgEncoded encoded;
    const SharedSubspaceImpl::Result visual = visualRepresentations(patches);
    encoded.visualWeights = visual.weights;
    encoded.classified = classify(visual.representation);
    const JpgLabelClassifierImpl::Output& classified = encoded.classified;
    encoded.labelProbabilities = torch::sigmoid(classified.logits);
    const torch::Tensor findings =
        (torch::arange(labels, torch::TensorOptions().dtype(torch::kInt64).device(patches.device())) + 1).repeat({batch});
    encoded.labels = labelDecoder->decode(labelStates(classified), m_options.labelMaxTokens, findings);

    torch::Tensor x = visual.representation;
    if (m_options.auxiliaryLabels) {
        // c_k = p_k · mean of the aligned representations of finding k's decoded label tokens.
        const torch::Tensor features = labelRepresentations(encoded.labels.tokens); // (B·L, steps, d)
        const torch::Tensor present =
            (torch::arange(m_options.labelMaxTokens, encoded.labels.lengths.options()).view({1, -1}) <
             encoded.labels.lengths.view({-1, 1}))
                .to(features.scalar_type())
                .unsqueeze(-1);
        const torch::Tensor mean = (features * present).sum(1) / present.sum(1).clamp_min(1.0);
        const torch::Tensor context = encoded.labelProbabilities.unsqueeze(-1) * mean.view({batch, labels, -1});
        x = torch::cat({x, context}, 1);
    }
    for (auto& layer : m_encoder) x = layer->forward(x);
    encoded.memory = m_encoderNorm(x);
    return encoded;
}

torch::Tensor JpgNetworkImpl::decodeAll(const torch::Tensor& memory, const torch::Tensor& tokens, const torch::Tensor& tokenMask) {
    const std::int64_t length = tokens.size(1);
    torch::Tensor mask = torch::ones({length, length}, torch::TensorOptions().dtype(torch::kBool).device(tokens.device()))
                             .tril()
                             .view({1, 1, length, length});
    if (tokenMask.defined()) mask = mask & tokenMask.view({tokenMask.size(0), 1, 1, length});
    torch::Tensor x = textualRepresentations(tokens) * std::sqrt(double(m_options.modelDimension));
    x = m_embeddingDropout(x + m_positions.rows(0, length, x.options()));
    for (auto& layer : m_decoder) x = layer->forward(x, memory, mask, nullptr);
    return m_logit(m_decoderNorm(x));
}

DecoderCache JpgNetworkImpl::startCache(const torch::Tensor& memory, std::int64_t capacity, std::int64_t rowsPerInput) {
    if (is_training() || torch::GradMode::is_enabled()) return startDecoderCache(m_decoder, memory, capacity, rowsPerInput, nullptr);
    std::shared_ptr<FusedDecoderWeights> fused = fuseDecoderWeights(m_decoder);
    const torch::Tensor vocabulary =
        torch::arange(m_options.vocabularySize, torch::TensorOptions().dtype(torch::kInt64).device(memory.device()));
    fused->scaledEmbedding =
        (textualRepresentations(vocabulary.view({1, -1})).squeeze(0) * std::sqrt(double(m_options.modelDimension))).contiguous();
    return startDecoderCache(m_decoder, memory, capacity, rowsPerInput, std::move(fused));
}

torch::Tensor JpgNetworkImpl::decodeStep(const torch::Tensor& lastTokens, DecoderCache& cache, torch::Tensor* crossAttention) {
    if (cache.length >= cache.capacity) {
        throw InferenceError(ErrorCode::InvalidArgument, "decoder cache is full (" + std::to_string(cache.capacity) + " tokens)");
    }
    if (cache.fused && !is_training() && !torch::GradMode::is_enabled()) {
        // Inference path: the rows' r_y looked up, the decoder layers' fused in-place steps.
        torch::Tensor x = at::index_select(cache.fused->scaledEmbedding, 0, lastTokens.view({-1}));
        x.add_(m_positions.rows(cache.length, 1, x.options()));
        return stepLinear(fusedDecoderStep(m_decoder, m_decoderNorm, x, cache, crossAttention), m_logit->weight, m_logit->bias);
    }
    // Module path (autograd and dropout work).
    torch::Tensor x = textualRepresentations(lastTokens.view({-1, 1})) * std::sqrt(double(m_options.modelDimension));
    x = m_embeddingDropout(x + m_positions.rows(cache.length, 1, x.options()));
    std::vector<torch::Tensor> perLayer;
    for (std::size_t i = 0; i < m_decoder.size(); ++i) {
        torch::Tensor probabilities;
        x = m_decoder[i]->step(x, cache, i, crossAttention ? &probabilities : nullptr);
        if (crossAttention != nullptr) perLayer.push_back(probabilities.to(torch::kFloat32));
    }
    ++cache.length;
    if (crossAttention != nullptr) *crossAttention = torch::stack(perLayer, 1); // (N, layers, entries)
    return m_logit(m_decoderNorm(x)).squeeze(1);
}

// ---- the model type ------------------------------------------------------------------------

namespace {

JpgOptions jpgOptionsOf(const Manifest& manifest, std::int64_t inputFeatures, std::int64_t labelVocabularySize) {
    const nlohmann::json& h = manifest.hyperParameters;
    JpgOptions options;
    options.inputFeatures = inputFeatures;
    options.vocabularySize = std::int64_t(manifest.vocabulary.size()) + 1;
    options.modelDimension = h.value("d_model", options.modelDimension);
    options.heads = h.value("num_heads", options.heads);
    options.layers = h.value("num_layers", options.layers);
    options.feedForwardDimension = h.value("d_ff", options.feedForwardDimension);
    options.dropout = h.value("dropout", options.dropout);
    options.basisVectors = h.value("basis_vectors", options.basisVectors);
    options.basisDimension = h.value("basis_dim", options.basisDimension);
    options.similarityScale = h.value("similarity_scale", options.similarityScale);
    options.sharedSubspace = h.value("shared_subspace", options.sharedSubspace);
    options.auxiliaryLabels = h.value("auxiliary_labels", options.auxiliaryLabels);
    options.labelMaxTokens = h.value("label_max_tokens", options.labelMaxTokens);
    options.labelHidden = h.value("label_hidden", options.labelHidden);
    options.labels = std::int64_t(manifest.labels.size());
    options.labelVocabularySize = labelVocabularySize;
    if (h.value("label_epochs_single", 0) < 0 || h.value("label_epochs_context", 0) < 0 || h.value("label_loss_weight", 0.0) < 0.0) {
        throw InferenceError(ErrorCode::InvalidArgument, "label_epochs_single, label_epochs_context and label_loss_weight must be >= 0");
    }
    return options;
}

std::vector<std::string> contextWordsOf(const nlohmann::json& hyperParameters) {
    const nlohmann::json& words = hyperParameters.at("context_words");
    if (!words.is_array()) throw InferenceError(ErrorCode::InvalidArgument, "context_words must be an array of words");
    std::vector<std::string> result;
    for (const nlohmann::json& word : words) {
        if (!word.is_string()) throw InferenceError(ErrorCode::InvalidArgument, "context_words must be an array of words");
        result.push_back(word.get<std::string>());
    }
    return result;
}

std::vector<Heatmap> viewMaps(const torch::Tensor& perPatch, const std::vector<std::string>& views, std::int64_t rows,
                              std::int64_t cols) {
    const torch::Tensor values = perPatch.to(torch::kFloat32).contiguous();
    std::vector<Heatmap> maps;
    for (std::size_t v = 0; v < views.size() && std::int64_t(v + 1) * rows * cols <= values.numel(); ++v) {
        const torch::Tensor view = values.narrow(0, std::int64_t(v) * rows * cols, rows * cols).contiguous();
        maps.push_back({views[v], int(rows), int(cols), std::vector<float>(view.data_ptr<float>(), view.data_ptr<float>() + view.numel())});
    }
    return maps;
}

} // namespace

JpgReportModel::JpgReportModel(const Manifest& manifest) : ReportModel(manifest) {
    VisualExtractorOptions extractor;
    extractor.architecture = hyperParameter<std::string>("visual_extractor", "resnet18");
    m_labelVocabulary = jpgLabelVocabulary(this->manifest().labels, contextWordsOf(this->manifest().hyperParameters));
    m_network = JpgNetwork(extractor, jpgOptionsOf(this->manifest(), visualFeatureChannels(extractor.architecture),
                                                   std::int64_t(m_labelVocabulary.size())));
}

VisualFeatures JpgReportModel::extractFeatures(const torch::Tensor& images) { return m_network->visualExtractor->extract(images); }

std::string JpgReportModel::labelText(const std::vector<std::int64_t>& tokens) const {
    std::string text;
    for (std::int64_t token : tokens) {
        if (token <= 0 || token >= std::int64_t(m_labelVocabulary.size())) continue;
        std::string word = m_labelVocabulary[std::size_t(token)];
        std::replace(word.begin(), word.end(), '_', ' ');
        text += (text.empty() ? "" : " ") + word;
    }
    return text;
}

std::vector<Draft> JpgReportModel::generate(const GenerationRequest& request) {
    GenerationStages stages(request);
    stages.begin("extractor");
    const VisualFeatures features = extractFeatures(request.images);
    stages.endOrCancel();

    stages.begin("encoder");
    const JpgEncoded encoded = m_network->encode(features.patches);
    stages.endOrCancel();

    stages.begin("decode");
    JpgDecoderSession session(m_network, encoded.memory);
    DecodeOptions decode = request.decode;
    decode.progress = stages.progressOf("decode");
    const std::vector<DecodedSequence> sequences = beamSearch(session, decode);
    stages.end();

    const std::int64_t patches = features.patches.size(1);
    const std::int64_t labels = m_network->options().labels;
    const torch::Tensor probabilities = encoded.labelProbabilities.to(torch::kFloat32).to(torch::kCPU);
    const torch::Tensor attention = encoded.classified.attention.to(torch::kFloat32).to(torch::kCPU); // (B, L, P)
    const torch::Tensor labelTokens = encoded.labels.tokens.to(torch::kCPU);
    const torch::Tensor labelLengths = encoded.labels.lengths.to(torch::kCPU);
    // The label's own probability: the classifier's p_k times the GRU's probabilities of the
    // context tokens and of the end (the first token, the finding, is forced).
    const torch::Tensor contextLogProbability =
        (encoded.labels.logProbabilities.narrow(1, 1, encoded.labels.logProbabilities.size(1) - 1).sum(1) +
         encoded.labels.endLogProbability)
            .to(torch::kCPU);
    const double threshold = hyperParameter("tag_threshold", 0.5);
    std::vector<Draft> drafts;
    for (std::size_t i = 0; i < sequences.size(); ++i) {
        const auto item = std::int64_t(i);
        // Token heatmaps: the first decoder layer's cross-attention over the image patches (the
        // paper's Fig. 4); the mass on the label entries c is left out, so a token's grids sum to
        // its attention on the image (≤ 1).
        DecodedSequence sequence = sequences[i];
        if (sequence.crossAttention.defined() && sequence.crossAttention.size(0) > 0) {
            sequence.crossAttention = sequence.crossAttention.narrow(1, 0, 1).narrow(2, 0, patches).contiguous();
        }
        Draft draft = assembleDraft(*this, sequence, request.views, features.gridRows, features.gridCols, probabilities[item],
                                    attention[item].transpose(0, 1));
        for (std::int64_t k = 0; k < labels; ++k) {
            const double probability = probabilities[item][k].item<double>();
            if (probability < threshold) continue;
            const std::int64_t row = item * labels + k;
            const std::int64_t length = labelLengths[row].item<std::int64_t>();
            std::vector<std::int64_t> tokens;
            for (std::int64_t t = 0; t < length; ++t) tokens.push_back(labelTokens[row][t].item<std::int64_t>());
            const std::string text = labelText(tokens);
            const double labelProbability = probability * std::exp(contextLogProbability[row].item<double>());
            draft.topicMaps.push_back({text, labelProbability,
                                       viewMaps(attention[item][k], request.views, features.gridRows, features.gridCols)});
            const std::string& finding = manifest().labels[std::size_t(k)];
            for (DraftSentence& sentence : draft.sentences) {
                const bool mentions = std::any_of(sentence.support.tags.begin(), sentence.support.tags.end(),
                                                  [&](const WeightedItem& tag) { return tag.name == finding; });
                if (mentions) sentence.support.values["label: " + text] = labelProbability;
            }
        }
        drafts.push_back(std::move(draft));
    }
    return drafts;
}

} // namespace raddraft::inference

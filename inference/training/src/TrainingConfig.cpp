#include "TrainingConfig.h"

#include "training/TrainingError.h"

#include <cmath>

namespace raddraft::training {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& message) { throw TrainingError("config: " + message); }

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

const char* typeDescription(const json& value) {
    if (value.is_boolean()) return "true or false";
    if (value.is_number_integer()) return "a whole number";
    if (value.is_number()) return "a number";
    if (value.is_string()) return "a string";
    if (value.is_array()) return value.empty() || !value.front().is_string() ? "an array of numbers" : "an array of strings";
    return "an object";
}

// The default's JSON type is the schema: whole numbers stay whole, numbers accept whole numbers.
bool sameType(const json& defaultValue, const json& value) {
    if (defaultValue.is_boolean()) return value.is_boolean();
    if (defaultValue.is_number_integer()) return value.is_number_integer();
    if (defaultValue.is_number()) return value.is_number();
    if (defaultValue.is_string()) return value.is_string();
    if (defaultValue.is_object()) return value.is_object();
    if (defaultValue.is_array()) {
        if (!value.is_array()) return false;
        for (const json& element : value) {
            if (!defaultValue.empty() && !sameType(defaultValue.front(), element)) return false;
        }
        return true;
    }
    return value.type() == defaultValue.type();
}

json mergeAt(const json& defaults, const json& overrides, const std::string& path) {
    json merged = defaults;
    for (const auto& [key, value] : overrides.items()) {
        const std::string name = join(path, key);
        if (!defaults.contains(key)) {
            std::string known;
            for (const auto& [knownKey, ignored] : defaults.items()) known += (known.empty() ? "" : ", ") + knownKey;
            fail("unknown key '" + name + "' (known here: " + known + ")");
        }
        const json& defaultValue = defaults.at(key);
        if (!sameType(defaultValue, value)) fail("'" + name + "' must be " + typeDescription(defaultValue) + ", not " + value.dump());
        merged[key] = defaultValue.is_object() ? mergeAt(defaultValue, value, name) : value;
    }
    return merged;
}

// Typed reads with range checks; `path` is the object's key path for messages.
class Reader {
public:
    Reader(const json& object, std::string path) : m_object(object), m_path(std::move(path)) {}

    const json& at(const std::string& key) const {
        if (!m_object.contains(key)) fail("'" + name(key) + "' is missing");
        return m_object.at(key);
    }
    std::string name(const std::string& key) const { return join(m_path, key); }
    Reader child(const std::string& key) const { return Reader(at(key), name(key)); }

    int integer(const std::string& key, long long minimum, long long maximum = 1000000000LL) const {
        const json& value = at(key);
        if (!value.is_number_integer()) fail("'" + name(key) + "' must be a whole number");
        const long long number = value.get<long long>();
        if (number < minimum || number > maximum) {
            fail("'" + name(key) + "' must be between " + std::to_string(minimum) + " and " + std::to_string(maximum) +
                 ", not " + std::to_string(number));
        }
        return int(number);
    }
    double number(const std::string& key, double minimum, double maximum) const {
        const json& value = at(key);
        if (!value.is_number()) fail("'" + name(key) + "' must be a number");
        const double number = value.get<double>();
        if (!std::isfinite(number) || number < minimum || number > maximum) {
            fail("'" + name(key) + "' must be between " + json(minimum).dump() + " and " + json(maximum).dump() +
                 ", not " + value.dump());
        }
        return number;
    }
    bool boolean(const std::string& key) const {
        const json& value = at(key);
        if (!value.is_boolean()) fail("'" + name(key) + "' must be true or false");
        return value.get<bool>();
    }
    std::string text(const std::string& key) const {
        const json& value = at(key);
        if (!value.is_string()) fail("'" + name(key) + "' must be a string");
        return value.get<std::string>();
    }
    std::string choice(const std::string& key, const std::vector<std::string>& allowed) const {
        const std::string value = text(key);
        std::string list;
        for (const std::string& option : allowed) {
            if (option == value) return value;
            list += (list.empty() ? "" : ", ") + option;
        }
        fail("'" + name(key) + "' must be one of " + list + ", not \"" + value + "\"");
    }

private:
    const json& m_object;
    std::string m_path;
};

OptimizerConfig readOptimizer(const Reader& reader) {
    OptimizerConfig optimizer;
    optimizer.kind = reader.choice("kind", {"adam", "adamw"});
    optimizer.learningRate = reader.number("learning_rate", 0.0, 10.0);
    optimizer.extractorLearningRate = reader.number("extractor_learning_rate", 0.0, 10.0);
    optimizer.weightDecay = reader.number("weight_decay", 0.0, 10.0);
    const json& betas = reader.at("betas");
    if (betas.size() != 2) fail("'" + reader.name("betas") + "' must hold two numbers");
    optimizer.beta1 = betas[0].get<double>();
    optimizer.beta2 = betas[1].get<double>();
    if (!(optimizer.beta1 >= 0 && optimizer.beta1 < 1 && optimizer.beta2 >= 0 && optimizer.beta2 < 1)) {
        fail("'" + reader.name("betas") + "' must be in [0, 1)");
    }
    optimizer.epsilon = reader.number("epsilon", 0.0, 1.0);
    return optimizer;
}

ScheduleConfig readSchedule(const Reader& reader) {
    ScheduleConfig schedule;
    schedule.kind = reader.choice("kind", {"constant", "step", "warmup_cosine", "warmup_linear"});
    schedule.warmupSteps = reader.integer("warmup_steps", 0);
    schedule.stepEpochs = reader.integer("step_epochs", 1);
    schedule.gamma = reader.number("gamma", 0.0, 1.0);
    schedule.finalFactor = reader.number("final_factor", 0.0, 1.0);
    return schedule;
}

void readStage(const Reader& reader, StageConfig& stage, const std::vector<std::string>& metrics) {
    stage.epochs = reader.integer("epochs", 0, 100000);
    stage.batchSize = reader.integer("batch_size", 1, 100000);
    stage.optimizer = readOptimizer(reader.child("optimizer"));
    stage.schedule = readSchedule(reader.child("schedule"));
    stage.clipNorm = reader.number("clip_norm", 0.0, 1e9);
    const Reader stopping = reader.child("early_stopping");
    stage.earlyStopping.metric = stopping.choice("metric", metrics);
    stage.earlyStopping.patience = stopping.integer("patience", 0);
    stage.earlyStopping.minDelta = stopping.number("min_delta", 0.0, 1e9);
}

json stageDefaults(int epochs, int batchSize, const char* optimizer, double learningRate, const char* metric) {
    return {{"epochs", epochs},
            {"batch_size", batchSize},
            {"optimizer",
             {{"kind", optimizer},
              {"learning_rate", learningRate},
              {"extractor_learning_rate", learningRate / 10.0},
              {"weight_decay", 0.0},
              {"betas", {0.9, 0.999}},
              {"epsilon", 1e-8}}},
            {"schedule",
             {{"kind", "warmup_cosine"}, {"warmup_steps", 0}, {"step_epochs", 1}, {"gamma", 0.1}, {"final_factor", 0.0}}},
            {"clip_norm", 0.0},
            {"early_stopping", {{"metric", metric}, {"patience", 0}, {"min_delta", 0.0}}}};
}

} // namespace

json defaultTrainingConfig(const json& modelDefaults, const json& typeOverrides) {
    json pretrain = stageDefaults(3, 16, "adamw", 1e-3, "tag_auc");
    pretrain["positive_weighting"] = true;
    pretrain["max_positive_weight"] = 10.0;
    pretrain["initialize_from"] = "";
    json report = stageDefaults(30, 16, "adam", 5e-4, "bleu4");
    report["feature_cache"] = true;
    report["feature_cache_from"] = "";
    report["tag_loss_weight"] = 0.0;
    report["validation_beam_width"] = 1;
    const AugmentationOptions augmentation;
    json defaults = {
        {"seed", 42},
        {"threads", 0},
        {"mixed_precision", "auto"},
        {"checkpoint_every_epochs", 1},
        {"model", modelDefaults},
        {"data",
         {{"image_size", 224},
          {"views", {"frontal", "lateral"}},
          {"cleaning", "iu_xray"},
          {"vocabulary_threshold", 3},
          {"max_tokens", 60},
          {"knowledge_graph", ""},
          {"uncertain_labels", "ignore"},
          {"workers", 2},
          {"prefetch_batches", 4},
          {"max_train_studies", 0},
          {"max_validation_studies", 0},
          {"reports", "full"}}},
        {"augmentation",
         {{"enabled", augmentation.enabled},
          {"crop_scale", {augmentation.cropScaleMin, augmentation.cropScaleMax}},
          {"crop_aspect", {augmentation.aspectMin, augmentation.aspectMax}},
          {"rotation_degrees", augmentation.rotationDegrees},
          {"brightness", augmentation.brightness},
          {"contrast", augmentation.contrast},
          {"gamma", augmentation.gamma},
          {"horizontal_flip", augmentation.horizontalFlip}}},
        {"pretrain", pretrain},
        {"train", report},
        {"bundle", {{"name", ""}, {"version", "0.1.0"}, {"store_half", true}}},
    };
    return mergeConfig(defaults, typeOverrides);
}

json mergeConfig(const json& defaults, const json& overrides) {
    if (!overrides.is_object()) fail("the configuration must be a JSON object");
    return mergeAt(defaults, overrides, "");
}

TrainingConfig readTrainingConfig(const json& merged) {
    const Reader root(merged, "");
    TrainingConfig config;
    config.json = merged;
    const json& seed = root.at("seed");
    if (!seed.is_number_integer() || seed.get<long long>() < 0) fail("'seed' must be a whole number >= 0");
    config.seed = seed.get<std::uint64_t>();
    config.threads = root.integer("threads", 0, 4096);
    config.mixedPrecision = root.choice("mixed_precision", {"auto", "on", "off"});
    config.checkpointEveryEpochs = root.integer("checkpoint_every_epochs", 1);
    config.model = root.at("model");
    if (!config.model.is_object()) fail("'model' must be an object");

    const Reader data = root.child("data");
    config.data.imageSize = data.integer("image_size", 32, 4096);
    config.data.views = data.at("views").get<std::vector<std::string>>();
    if (config.data.views.empty()) fail("'data.views' must name at least one view");
    for (const std::string& view : config.data.views) {
        if (view != "frontal" && view != "lateral") fail("'data.views' may hold \"frontal\" and \"lateral\", not \"" + view + "\"");
    }
    config.data.cleaning = data.choice("cleaning", {"iu_xray", "mimic_cxr"});
    config.data.vocabularyThreshold = data.integer("vocabulary_threshold", 1);
    config.data.maxTokens = data.integer("max_tokens", 3, 10000);
    config.data.knowledgeGraph = data.text("knowledge_graph");
    const std::string uncertain = data.choice("uncertain_labels", {"ignore", "positive", "negative"});
    config.data.uncertainLabels = uncertain == "ignore"     ? UncertainLabels::Ignore
                                  : uncertain == "positive" ? UncertainLabels::Positive
                                                            : UncertainLabels::Negative;
    config.data.workers = data.integer("workers", 0, 64);
    config.data.prefetchBatches = data.integer("prefetch_batches", 1, 1024);
    config.data.maxTrainStudies = data.integer("max_train_studies", 0);
    config.data.maxValidationStudies = data.integer("max_validation_studies", 0);
    config.data.reports = data.choice("reports", {"full", "abnormal"});

    const Reader augmentation = root.child("augmentation");
    AugmentationOptions& options = config.augmentation;
    options.enabled = augmentation.boolean("enabled");
    const json& scale = augmentation.at("crop_scale");
    const json& aspect = augmentation.at("crop_aspect");
    if (scale.size() != 2 || aspect.size() != 2) fail("'augmentation.crop_scale' and 'augmentation.crop_aspect' hold two numbers each");
    options.cropScaleMin = scale[0].get<double>();
    options.cropScaleMax = scale[1].get<double>();
    options.aspectMin = aspect[0].get<double>();
    options.aspectMax = aspect[1].get<double>();
    if (!(options.cropScaleMin > 0 && options.cropScaleMin <= options.cropScaleMax && options.cropScaleMax <= 1)) {
        fail("'augmentation.crop_scale' must be [low, high] with 0 < low <= high <= 1");
    }
    if (!(options.aspectMin > 0 && options.aspectMin <= options.aspectMax)) {
        fail("'augmentation.crop_aspect' must be [low, high] with 0 < low <= high");
    }
    options.rotationDegrees = augmentation.number("rotation_degrees", 0.0, 45.0);
    options.brightness = augmentation.number("brightness", 0.0, 0.5);
    options.contrast = augmentation.number("contrast", 0.0, 0.9);
    options.gamma = augmentation.number("gamma", 0.0, 0.9);
    options.horizontalFlip = augmentation.boolean("horizontal_flip");

    const Reader pretrain = root.child("pretrain");
    readStage(pretrain, config.pretrain, {"tag_auc", "val_loss"});
    config.pretrain.positiveWeighting = pretrain.boolean("positive_weighting");
    config.pretrain.maxPositiveWeight = pretrain.number("max_positive_weight", 1.0, 1e6);
    config.pretrain.initializeFrom = pretrain.text("initialize_from");

    const Reader train = root.child("train");
    readStage(train, config.train, {"bleu4", "ce_f1", "val_loss"});
    config.train.featureCache = train.boolean("feature_cache");
    config.train.featureCacheFrom = train.text("feature_cache_from");
    config.train.tagLossWeight = train.number("tag_loss_weight", 0.0, 1e6);
    config.train.validationBeamWidth = train.integer("validation_beam_width", 1, 64);

    const Reader bundle = root.child("bundle");
    config.bundle.name = bundle.text("name");
    config.bundle.version = bundle.text("version");
    if (config.bundle.version.empty()) fail("'bundle.version' must not be empty");
    config.bundle.storeHalf = bundle.boolean("store_half");
    return config;
}

json parseConfigText(const std::string& text, const std::string& sourceName) {
    json parsed;
    try {
        parsed = json::parse(text);
    } catch (const json::exception& error) {
        throw TrainingError("config: " + sourceName + ": invalid JSON: " + error.what());
    }
    if (!parsed.is_object()) throw TrainingError("config: " + sourceName + ": must be a JSON object");
    return parsed;
}

} // namespace raddraft::training

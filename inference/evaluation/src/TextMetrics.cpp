#include "evaluation/TextMetrics.h"

#include "evaluation/Bleu.h"
#include "evaluation/CiderD.h"
#include "evaluation/Meteor.h"
#include "evaluation/RougeL.h"

namespace raddraft::evaluation {

const char* const kMeteorCaveat =
    "METEOR: exact + Porter-stem matching only; the synonym and paraphrase modules of METEOR 1.5\n"
    "are absent, so the value is a lower bound of the reference jar's.";

std::vector<std::pair<std::string, double>> computeTextMetrics(const TextCorpus& corpus) {
    const BleuScores bleu = computeBleu(corpus);
    return {
        {"BLEU_1", bleu.orders[0].corpus},
        {"BLEU_2", bleu.orders[1].corpus},
        {"BLEU_3", bleu.orders[2].corpus},
        {"BLEU_4", bleu.orders[3].corpus},
        {"METEOR", computeMeteor(corpus).corpus},
        {"ROUGE_L", computeRougeL(corpus).corpus},
        {"CIDEr", computeCiderD(corpus).corpus},
    };
}

} // namespace raddraft::evaluation

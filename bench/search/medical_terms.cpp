#include "bench/search/medical_terms.h"

namespace hdcat::bench {
namespace {

constexpr CodedTerm kDiseases[] = {
    {"2型糖尿病", "type 2 diabetes", "E11", "t2dm"},
    {"1型糖尿病", "type 1 diabetes", "E10", "t1dm"},
    {"糖尿病", "diabetes", "E14", "dm"},
    {"脂質異常症", "dyslipidaemia", "E78", "dyslipidaemia"},
    {"肥満症", "obesity", "E66", "obesity"},
    {"痛風", "gout", "M10", "gout"},
    {"本態性高血圧症", "essential hypertension", "I10", "hypertension"},
    {"急性心筋梗塞", "acute myocardial infarction", "I21", "ami"},
    {"狭心症", "angina pectoris", "I20", "angina"},
    {"心不全", "heart failure", "I50", "hf"},
    {"心房細動", "atrial fibrillation", "I48", "af"},
    {"脳梗塞", "cerebral infarction", "I63", "infarction"},
    {"脳出血", "intracerebral haemorrhage", "I61", "ich"},
    {"くも膜下出血", "subarachnoid haemorrhage", "I60", "sah"},
    {"大動脈解離", "aortic dissection", "I71", "dissection"},
    {"肺炎", "pneumonia", "J18", "pneumonia"},
    {"誤嚥性肺炎", "aspiration pneumonia", "J69", "aspiration"},
    {"気管支喘息", "asthma", "J45", "asthma"},
    {"慢性閉塞性肺疾患", "chronic obstructive pulmonary disease", "J44", "copd"},
    {"インフルエンザ", "influenza", "J11", "influenza"},
    {"新型コロナウイルス感染症", "COVID-19", "U07", "covid"},
    {"結核", "tuberculosis", "A15", "tb"},
    {"胃癌", "gastric cancer", "C16", "gastric_ca"},
    {"大腸癌", "colorectal cancer", "C18", "crc"},
    {"肺癌", "lung cancer", "C34", "lung_ca"},
    {"乳癌", "breast cancer", "C50", "breast_ca"},
    {"肝細胞癌", "hepatocellular carcinoma", "C22", "hcc"},
    {"膵癌", "pancreatic cancer", "C25", "pancreatic_ca"},
    {"前立腺癌", "prostate cancer", "C61", "prostate_ca"},
    {"子宮頸癌", "cervical cancer", "C53", "cervical_ca"},
    {"悪性リンパ腫", "malignant lymphoma", "C85", "lymphoma"},
    {"白血病", "leukaemia", "C95", "leukaemia"},
    {"慢性腎臓病", "chronic kidney disease", "N18", "ckd"},
    {"急性腎障害", "acute kidney injury", "N17", "aki"},
    {"肝硬変", "liver cirrhosis", "K74", "cirrhosis"},
    {"非アルコール性脂肪性肝疾患", "non-alcoholic fatty liver disease", "K76", "nafld"},
    {"潰瘍性大腸炎", "ulcerative colitis", "K51", "uc"},
    {"クローン病", "Crohn's disease", "K50", "crohn"},
    {"急性虫垂炎", "acute appendicitis", "K35", "appendicitis"},
    {"胃潰瘍", "gastric ulcer", "K25", "gastric_ulcer"},
    {"アルツハイマー型認知症", "Alzheimer's disease", "G30", "alzheimer"},
    {"パーキンソン病", "Parkinson's disease", "G20", "parkinson"},
    {"てんかん", "epilepsy", "G40", "epilepsy"},
    {"多発性硬化症", "multiple sclerosis", "G35", "ms"},
    {"うつ病", "depression", "F32", "depression"},
    {"統合失調症", "schizophrenia", "F20", "schizophrenia"},
    {"双極性障害", "bipolar disorder", "F31", "bipolar"},
    {"関節リウマチ", "rheumatoid arthritis", "M06", "ra"},
    {"骨粗鬆症", "osteoporosis", "M81", "osteoporosis"},
    {"変形性膝関節症", "knee osteoarthritis", "M17", "knee_oa"},
    {"大腿骨頸部骨折", "hip fracture", "S72", "hip_fracture"},
    {"全身性エリテマトーデス", "systemic lupus erythematosus", "M32", "sle"},
    {"アトピー性皮膚炎", "atopic dermatitis", "L20", "atopic"},
    {"白内障", "cataract", "H25", "cataract"},
    {"緑内障", "glaucoma", "H40", "glaucoma"},
    {"妊娠糖尿病", "gestational diabetes", "O24", "gdm"},
    {"妊娠高血圧症候群", "hypertensive disorders of pregnancy", "O13", "hdp"},
    {"低出生体重児", "low birth weight", "P07", "lbw"},
    {"川崎病", "Kawasaki disease", "M30", "kawasaki"},
    {"甲状腺機能低下症", "hypothyroidism", "E03", "hypothyroid"},
    {"貧血", "anaemia", "D64", "anaemia"},
    {"敗血症", "sepsis", "A41", "sepsis"},
    {"帯状疱疹", "herpes zoster", "B02", "zoster"},
    {"睡眠時無呼吸症候群", "sleep apnoea", "G47", "apnoea"},
};

constexpr LabTerm kLabTests[] = {
    {"HbA1c（NGSP）", "HbA1c (NGSP)", "3D046", "%", "hba1c"},
    {"空腹時血糖", "fasting plasma glucose", "3D010", "mg/dL", "glucose"},
    {"総コレステロール", "total cholesterol", "3F050", "mg/dL", "tc"},
    {"HDLコレステロール", "HDL cholesterol", "3F070", "mg/dL", "hdl"},
    {"LDLコレステロール", "LDL cholesterol", "3F077", "mg/dL", "ldl"},
    {"中性脂肪", "triglycerides", "3F015", "mg/dL", "tg"},
    {"AST（GOT）", "AST (GOT)", "3B035", "U/L", "ast"},
    {"ALT（GPT）", "ALT (GPT)", "3B045", "U/L", "alt"},
    {"γ-GT", "gamma-GT", "3B090", "U/L", "ggt"},
    {"クレアチニン", "creatinine", "3C015", "mg/dL", "cre"},
    {"尿酸", "uric acid", "3C020", "mg/dL", "ua"},
    {"尿素窒素", "blood urea nitrogen", "3C025", "mg/dL", "bun"},
    {"eGFR", "estimated GFR", "8A065", "mL/min/1.73m2", "egfr"},
    {"総蛋白", "total protein", "3A010", "g/dL", "tp"},
    {"アルブミン", "albumin", "3A015", "g/dL", "alb"},
    {"CRP", "C-reactive protein", "5C070", "mg/dL", "crp"},
    {"白血球数", "white blood cell count", "2A010", "/uL", "wbc"},
    {"赤血球数", "red blood cell count", "2A020", "10^4/uL", "rbc"},
    {"ヘモグロビン", "haemoglobin", "2A030", "g/dL", "hb"},
    {"血小板数", "platelet count", "2A050", "10^4/uL", "plt"},
    {"BNP", "B-type natriuretic peptide", "4Q015", "pg/mL", "bnp"},
    {"NT-proBNP", "NT-proBNP", "4Q020", "pg/mL", "ntprobnp"},
    {"トロポニンT", "troponin T", "5C094", "ng/mL", "tnt"},
    {"TSH", "thyroid-stimulating hormone", "4A055", "uIU/mL", "tsh"},
    {"PSA", "prostate-specific antigen", "5D485", "ng/mL", "psa"},
    {"CEA", "carcinoembryonic antigen", "5D010", "ng/mL", "cea"},
    {"尿蛋白", "urine protein", "1A010", "-", "uprot"},
    {"尿糖", "urine glucose", "1A020", "-", "uglu"},
    {"カリウム", "potassium", "3H015", "mmol/L", "k"},
    {"ナトリウム", "sodium", "3H010", "mmol/L", "na"},
    {"PT-INR", "prothrombin time INR", "2B030", "-", "ptinr"},
    {"Dダイマー", "D-dimer", "2B140", "ug/mL", "ddimer"},
};

constexpr CodedTerm kDrugs[] = {
    {"メトホルミン塩酸塩", "metformin hydrochloride", "3962002", "metformin"},
    {"シタグリプチン", "sitagliptin", "3969010", "sitagliptin"},
    {"エンパグリフロジン", "empagliflozin", "3969019", "empagliflozin"},
    {"インスリン グラルギン", "insulin glargine", "2492415", "glargine"},
    {"アムロジピン", "amlodipine", "2171022", "amlodipine"},
    {"オルメサルタン", "olmesartan", "2149044", "olmesartan"},
    {"アトルバスタチン", "atorvastatin", "2189015", "atorvastatin"},
    {"ロスバスタチン", "rosuvastatin", "2189017", "rosuvastatin"},
    {"アスピリン", "aspirin", "3399007", "aspirin"},
    {"クロピドグレル", "clopidogrel", "3399008", "clopidogrel"},
    {"ワルファリン", "warfarin", "3332001", "warfarin"},
    {"アピキサバン", "apixaban", "3339004", "apixaban"},
    {"フロセミド", "furosemide", "2139005", "furosemide"},
    {"ビソプロロール", "bisoprolol", "2123016", "bisoprolol"},
    {"プレドニゾロン", "prednisolone", "2456001", "prednisolone"},
    {"メトトレキサート", "methotrexate", "3999016", "methotrexate"},
    {"ランソプラゾール", "lansoprazole", "2329023", "lansoprazole"},
    {"アムロジピン・アトルバスタチン配合", "amlodipine/atorvastatin", "2190101", "caduet"},
    {"ドネペジル", "donepezil", "1190012", "donepezil"},
    {"レボドパ", "levodopa", "1164001", "levodopa"},
    {"エスシタロプラム", "escitalopram", "1179054", "escitalopram"},
    {"アリピプラゾール", "aripiprazole", "1179045", "aripiprazole"},
    {"アレンドロン酸", "alendronate", "3999018", "alendronate"},
    {"レボチロキシン", "levothyroxine", "2431004", "levothyroxine"},
    {"アモキシシリン", "amoxicillin", "6131001", "amoxicillin"},
    {"セフトリアキソン", "ceftriaxone", "6132419", "ceftriaxone"},
    {"オセルタミビル", "oseltamivir", "6250021", "oseltamivir"},
    {"ペムブロリズマブ", "pembrolizumab", "4291435", "pembrolizumab"},
    {"ニボルマブ", "nivolumab", "4291427", "nivolumab"},
    {"肺炎球菌ワクチン", "pneumococcal vaccine", "6311400", "pneumovax"},
};

constexpr CodedTerm kProcedures[] = {
    {"経皮的冠動脈ステント留置術", "percutaneous coronary stenting", "K549", "pci_stent"},
    {"経皮的冠動脈形成術", "percutaneous coronary angioplasty", "K546", "pci"},
    {"冠動脈バイパス術", "coronary artery bypass grafting", "K552", "cabg"},
    {"胃切除術", "gastrectomy", "K655", "gastrectomy"},
    {"腹腔鏡下胆嚢摘出術", "laparoscopic cholecystectomy", "K672", "lap_chole"},
    {"人工膝関節置換術", "total knee arthroplasty", "K082", "tka"},
    {"人工股関節置換術", "total hip arthroplasty", "K081", "tha"},
    {"白内障手術", "cataract surgery", "K282", "cataract_op"},
    {"人工透析", "haemodialysis", "J038", "dialysis"},
    {"人工呼吸", "mechanical ventilation", "J045", "ventilation"},
    {"内視鏡的大腸ポリープ切除術", "endoscopic colorectal polypectomy", "K721", "polypectomy"},
    {"経皮的カテーテル心筋焼灼術", "catheter ablation", "K595", "ablation"},
    {"帝王切開術", "caesarean section", "K898", "caesarean"},
    {"初診料", "initial consultation fee", "A000", "first_visit"},
    {"CT撮影", "CT scan", "E200", "ct"},
    {"MRI撮影", "MRI scan", "E202", "mri"},
};

constexpr Phrase kDemographics[] = {
    {"生年月", "birth_month"},        {"性別", "sex"},
    {"年齢階級", "age_band"},         {"居住都道府県", "prefecture"},
    {"保険者種別", "insurer_type"},   {"入院年月日", "admission_date"},
    {"退院年月日", "discharge_date"}, {"退院時転帰", "discharge_outcome"},
    {"身長", "height"},               {"体重", "weight"},
    {"BMI", "bmi"},                   {"収縮期血圧", "systolic_bp"},
    {"拡張期血圧", "diastolic_bp"},   {"喫煙歴", "smoking"},
    {"飲酒習慣", "drinking"},         {"要介護度", "care_level"},
    {"死亡年月日", "death_date"},     {"診療科", "department"},
};

constexpr DataKind kDataKinds[] = {
    {"claims", "レセプトデータ", "claims data"},
    {"dpc", "DPCデータ", "DPC data"},
    {"ehr", "電子カルテデータ", "EHR data"},
    {"checkup", "特定健診データ", "health checkup data"},
    {"registry", "患者レジストリ", "patient registry"},
    {"cohort", "コホート研究", "cohort study"},
    {"biobank", "バイオバンク試料情報", "biobank sample data"},
    {"genomic", "ゲノム解析データ", "genomic data"},
    {"survey", "実態調査", "survey"},
    {"aggregate", "集計統計", "aggregate statistics"},
    {"long_term_care", "介護レセプトデータ", "long-term care claims"},
    {"imaging", "医用画像データ", "medical imaging data"},
    {"device", "ウェアラブル機器データ", "wearable device data"},
};

constexpr Phrase kPopulations[] = {
    {"40歳以上の被保険者", "insured persons aged 40 and over"},
    {"入院患者", "inpatients"},
    {"外来患者", "outpatients"},
    {"75歳以上の高齢者", "people aged 75 and over"},
    {"妊婦", "pregnant women"},
    {"小児", "children"},
    {"地域住民", "community residents"},
    {"要介護認定者", "people certified as needing long-term care"},
    {"がん患者", "cancer patients"},
    {"透析患者", "dialysis patients"},
};

constexpr Phrase kOutcomes[] = {
    {"再入院", "readmission"},
    {"死亡", "mortality"},
    {"医療費", "healthcare expenditure"},
    {"重症化予防", "prevention of progression"},
    {"服薬アドヒアランス", "medication adherence"},
    {"合併症", "complications"},
    {"在院日数", "length of stay"},
    {"予後", "prognosis"},
    {"治療効果", "treatment effectiveness"},
    {"副作用", "adverse drug reactions"},
};

constexpr Phrase kSpecialities[] = {
    {"循環器", "Cardiology"},        {"糖尿病", "Diabetology"},         {"腎臓", "Nephrology"},
    {"呼吸器", "Respiratory Medicine"}, {"消化器病", "Gastroenterology"}, {"神経", "Neurology"},
    {"小児科", "Paediatrics"},       {"老年医学", "Geriatrics"},        {"精神神経", "Psychiatry and Neurology"},
    {"整形外科", "Orthopaedics"},    {"眼科", "Ophthalmology"},         {"皮膚科", "Dermatology"},
    {"産科婦人科", "Obstetrics and Gynaecology"}, {"泌尿器科", "Urology"}, {"麻酔科", "Anaesthesiology"},
    {"救急医学", "Acute Medicine"},  {"感染症", "Infectious Diseases"}, {"癌治療", "Clinical Oncology"},
    {"肝臓", "Hepatology"},          {"内分泌", "Endocrinology"},       {"透析医学", "Dialysis Therapy"},
    {"脳卒中", "Stroke"},            {"リウマチ", "Rheumatology"},      {"公衆衛生", "Public Health"},
};

constexpr Specimen kSpecimens[] = {
    {"019", "血清", "serum"},
    {"022", "血漿", "plasma"},
    {"023", "全血", "whole blood"},
    {"001", "尿", "urine"},
};

}  // namespace

std::span<const CodedTerm> Diseases() { return kDiseases; }
std::span<const LabTerm> LabTests() { return kLabTests; }
std::span<const CodedTerm> Drugs() { return kDrugs; }
std::span<const CodedTerm> Procedures() { return kProcedures; }
std::span<const Phrase> Demographics() { return kDemographics; }
std::span<const DataKind> DataKinds() { return kDataKinds; }
std::span<const Phrase> Populations() { return kPopulations; }
std::span<const Phrase> Outcomes() { return kOutcomes; }
std::span<const Phrase> Specialities() { return kSpecialities; }
std::span<const Specimen> Specimens() { return kSpecimens; }

}  // namespace hdcat::bench

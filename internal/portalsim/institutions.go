package portalsim

// institutions are what the remote search of 颁证学校外文名称 offers, by
// the portal's country name, in their official English (or
// native Latin-script) names. The list covers the countries most Chinese
// students return from; any other institution goes through 其他（手动输入）.
var institutions = map[string][]string{
	"英国": {
		"The University of Edinburgh", "University of Oxford", "University of Cambridge",
		"Imperial College London", "University College London",
		"The London School of Economics and Political Science", "King's College London",
		"The University of Manchester", "University of Bristol", "The University of Warwick",
		"University of Glasgow", "University of Leeds", "University of Birmingham",
		"University of Southampton", "The University of Sheffield", "University of Nottingham",
		"Durham University", "Newcastle University", "University of Liverpool",
		"Queen Mary University of London", "Lancaster University", "University of York",
		"University of Bath", "Cardiff University", "Loughborough University", "University of Exeter",
		"University of St Andrews", "Heriot-Watt University", "University of Strathclyde",
	},
	"美国": {
		"Harvard University", "Stanford University", "Massachusetts Institute of Technology",
		"Columbia University", "University of California, Berkeley", "University of California, Los Angeles",
		"University of Southern California", "New York University", "Carnegie Mellon University",
		"University of Pennsylvania", "Cornell University", "Johns Hopkins University",
		"The University of Chicago", "Northwestern University", "Duke University",
		"University of Michigan", "University of Illinois Urbana-Champaign", "University of Washington",
		"Boston University", "Georgia Institute of Technology", "Purdue University",
		"University of Wisconsin-Madison", "Yale University", "Princeton University",
		"University of California, San Diego", "Northeastern University", "Syracuse University",
	},
	"澳大利亚": {
		"The University of Melbourne", "The University of Sydney", "The University of New South Wales",
		"The Australian National University", "The University of Queensland", "Monash University",
		"The University of Western Australia", "The University of Adelaide",
		"University of Technology Sydney", "Macquarie University", "RMIT University",
	},
	"加拿大": {
		"University of Toronto", "The University of British Columbia", "McGill University",
		"University of Waterloo", "University of Alberta", "McMaster University",
		"Université de Montréal", "Western University", "Queen's University",
		"Simon Fraser University", "University of Ottawa", "York University",
	},
	"日本": {
		"The University of Tokyo", "Kyoto University", "Osaka University", "Tohoku University",
		"Tokyo Institute of Technology", "Nagoya University", "Kyushu University",
		"Hokkaido University", "Keio University", "Waseda University", "Hitotsubashi University",
	},
	"韩国": {
		"Seoul National University", "Korea Advanced Institute of Science and Technology",
		"Korea University", "Yonsei University", "Sungkyunkwan University",
		"Pohang University of Science and Technology", "Hanyang University", "Kyung Hee University",
	},
	"德国": {
		"Technical University of Munich", "Ludwig Maximilian University of Munich", "Heidelberg University",
		"Humboldt University of Berlin", "Free University of Berlin", "RWTH Aachen University",
		"Karlsruhe Institute of Technology", "Technische Universität Berlin", "University of Stuttgart",
		"Technische Universität Dresden", "University of Göttingen",
	},
	"法国": {
		"Sorbonne University", "Université Paris-Saclay", "PSL University", "École Polytechnique",
		"Sciences Po", "HEC Paris", "ESSEC Business School", "Université Paris Cité",
		"University of Strasbourg", "Université Grenoble Alpes",
	},
	"中国香港": {
		"The University of Hong Kong", "The Chinese University of Hong Kong",
		"The Hong Kong University of Science and Technology", "The Hong Kong Polytechnic University",
		"City University of Hong Kong", "Hong Kong Baptist University", "Lingnan University",
		"The Education University of Hong Kong",
	},
	"中国澳门": {
		"University of Macau", "Macau University of Science and Technology", "City University of Macau",
	},
	"新加坡": {
		"National University of Singapore", "Nanyang Technological University",
		"Singapore Management University", "Singapore University of Technology and Design",
	},
	"新西兰": {
		"The University of Auckland", "University of Otago", "Victoria University of Wellington",
		"University of Canterbury", "Massey University", "The University of Waikato",
		"Lincoln University", "Auckland University of Technology",
	},
	"荷兰": {
		"University of Amsterdam", "Delft University of Technology", "Leiden University",
		"Utrecht University", "Erasmus University Rotterdam", "Eindhoven University of Technology",
		"University of Groningen", "Wageningen University & Research", "Maastricht University",
		"Radboud University",
	},
	"爱尔兰": {
		"Trinity College Dublin", "University College Dublin", "University of Galway",
		"University College Cork", "Dublin City University", "University of Limerick", "Maynooth University",
	},
	"马来西亚": {
		"Universiti Malaya", "Universiti Kebangsaan Malaysia", "Universiti Putra Malaysia",
		"Universiti Sains Malaysia", "Universiti Teknologi Malaysia", "Taylor's University",
		"UCSI University", "Monash University Malaysia",
	},
	"俄罗斯": {
		"Lomonosov Moscow State University", "Saint Petersburg State University",
		"HSE University", "Moscow Institute of Physics and Technology",
		"Bauman Moscow State Technical University", "Peoples' Friendship University of Russia",
		"Novosibirsk State University", "Tomsk State University",
	},
	"瑞士":  {"ETH Zurich", "EPFL", "University of Zurich", "University of Geneva"},
	"意大利": {"Politecnico di Milano", "Sapienza University of Rome", "University of Bologna", "Bocconi University"},
	"西班牙": {"University of Barcelona", "Autonomous University of Madrid", "Complutense University of Madrid"},
	"瑞典":  {"KTH Royal Institute of Technology", "Lund University", "Uppsala University", "Karolinska Institutet"},
}

// commonCountries lead the country dropdowns, in the order applicants pick
// them most; the rest follow in pinyin order (sorted by the browser).
var commonCountries = []string{
	"英国", "美国", "澳大利亚", "加拿大", "日本", "韩国", "德国", "法国", "中国香港", "新加坡",
	"新西兰", "荷兰", "爱尔兰", "马来西亚", "俄罗斯", "中国澳门",
}

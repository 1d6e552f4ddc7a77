"""ACLED's sub-event types told apart on sentences written for these tests, one or more
for each type, as its codebook defines them, and look-alikes that are no event (published
Wednesday 10 June 2020)."""
from __future__ import annotations

import pytest

from eventsift.model import SubEventType as S

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, sub", [
    ('Customs officers seized 40 rifles and 3,000 rounds of ammunition at the port of Mombasa on Monday.',
     S.DISRUPTED_WEAPONS_USE),
    ('A large cache of firearms was seized by police in a raid on a house in Kirkuk.',
     S.DISRUPTED_WEAPONS_USE),
    ('Two explosive devices were found under a bridge outside Quetta and defused by the bomb squad.',
     S.DISRUPTED_WEAPONS_USE),
    ('Security forces intercepted a drone carrying explosives over the airport in Abha.',
     S.DISRUPTED_WEAPONS_USE),
    ('Air defences shot down two rockets fired toward Ashkelon on Friday.',
     S.DISRUPTED_WEAPONS_USE),
    ('Police in Lahore foiled a plot to bomb a church and arrested three suspects.',
     S.DISRUPTED_WEAPONS_USE),
    ('The army destroyed a weapons depot belonging to the rebels in the hills near Goma.',
     S.DISRUPTED_WEAPONS_USE),
    ('A landmine was cleared by army engineers on the road to Kidal.',
     S.DISRUPTED_WEAPONS_USE),
    ('The government and the rebels announced a ten-day ceasefire in Darfur on Sunday.',
     S.AGREEMENT),
    ('The two sides exchanged 50 prisoners in Aden under a deal brokered by the Red Cross.',
     S.AGREEMENT),
    ('The army released 20 militants in exchange for the release of six soldiers in Gao.',
     S.AGREEMENT),
    ('More than 200 militants surrendered to the army in Borno state on Tuesday.',
     S.AGREEMENT),
    ('Rebel commanders began peace talks with the government in Bangui on Monday.',
     S.AGREEMENT),
    # what the deal is about, wherever the parser hangs it
    ('Government and rebel negotiators reached a deal in Doha on a prisoner swap.', S.AGREEMENT),
    ('Representatives of the government and the rebel movement met in Addis Ababa on Friday. The two sides '
     'signed a deal to cease hostilities.', S.AGREEMENT),
    ('A ceasefire came into effect at midnight in Marieholm.', S.AGREEMENT),
    ('The truce between the army and the militants took effect on Monday in Marieholm.', S.AGREEMENT),
    ('The two sides agreed on a prisoner swap in Marieholm.', S.AGREEMENT),
    ('Security forces detonated the bomb in a controlled explosion near Marieholm.', S.DISRUPTED_WEAPONS_USE),
    ('Police rounded up dozens of suspects in Marieholm.', S.ARRESTS),
    # a crowd's acts without a verb of protest
    ('Residents came out on the streets of Mzuzu to demand the release of the detained chief.',
     S.PEACEFUL_PROTEST),
    ('Lawyers boycotted courts across the province on Wednesday.', S.PEACEFUL_PROTEST),
    ('Citizens burned an effigy of the chief minister in Bhopal.', S.PEACEFUL_PROTEST),
    ('Members of the Hindu community formed a human chain in Karachi.', S.PEACEFUL_PROTEST),
    ('Traders observed a complete shutdown in the market of Sopore on Thursday.', S.PEACEFUL_PROTEST),
    ('Hundreds of protesters demanded the resignation of the governor in Marieholm on Monday.',
     S.PEACEFUL_PROTEST),
    ('Teachers continued their strike for the third day in Marieholm.', S.PEACEFUL_PROTEST),
    ('Nurses walked off the job at the main hospital in Marieholm.', S.PEACEFUL_PROTEST),
    ('Hundreds of farmers camped outside the ministry in Marieholm to press their demands.', S.PEACEFUL_PROTEST),
    ('The police prevented the protesters from marching to the parliament in Marieholm.',
     S.PROTEST_WITH_INTERVENTION),
    ('Youths clashed with the police in Marieholm after the funeral.', S.VIOLENT_DEMONSTRATION),
    ('The demonstration degenerated into riots in Marieholm.', S.VIOLENT_DEMONSTRATION),
    ('Residents attacked and burned the house of a suspected witch in Marieholm.', S.MOB_VIOLENCE),
    # the protest, not the killing it is against
    ('Shopkeepers kept their shutters down in protest against the killing of a trader in Anantnag.',
     S.PEACEFUL_PROTEST),
    # mobs: townspeople who kill or beat someone, rival parties' supporters fighting
    ('A man suspected of stealing a motorcycle was beaten to death by a mob in Kampala on Sunday.',
     S.MOB_VIOLENCE),
    ('Villagers beat to death two men they suspected of stealing cattle in Gumla.', S.MOB_VIOLENCE),
    ('Supporters of two political parties clashed in Kolkata, leaving ten injured.', S.MOB_VIOLENCE),
    ('Protesters stormed the governor\'s office in Basra and set it ablaze.', S.VIOLENT_DEMONSTRATION),
    ('Rioters looted shops and set cars ablaze in Johannesburg.', S.MOB_VIOLENCE),
    ('A minor was sexually assaulted by a policeman in Lahore.', S.SEXUAL_VIOLENCE),
    # ground left before it was taken changed hands without a battle
    ('The rebels took control of the town after government forces pulled out.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ('Rebels entered the town of Menaka after the army abandoned it.', S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ('Government troops pulled out of Menaka, and rebel fighters seized the town hours later.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    # a one-word name taken or retaken is a town, though the tagger may read a person or a product
    ('Government forces recaptured Marieholm on Sunday after heavy fighting with the rebels.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ('Rebels seized Velmora after government troops fled.', S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    # one crowd that protested and then burned tyres went as far as a riot
    ('Youths protested in Marieholm against the arrest of a local leader and burned tyres on the main road.',
     S.VIOLENT_DEMONSTRATION),
    # a group's change of name or allegiance
    ('The Ravenhall Liberation Front changed its name to the Ravenhall People\'s Army on Monday.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('The group pledged allegiance to the Islamic State in Sirte.', S.CHANGE_TO_GROUP_ACTIVITY),
    # armed men slipping into a region move; slipping into positions attack them
    ('About 150 militants infiltrated the northern countryside of Latakia from Turkey on Thursday.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('Militants tried to infiltrate army positions near Kinsabba, the army said.', S.ARMED_CLASH),
    # the wording of state news agencies
    ('Army units destroyed terrorist hideouts in the countryside of Hama, killing scores of terrorists.',
     S.ARMED_CLASH),
    ('Army units targeted gatherings of ISIS terrorists in Deir Ezzor, killing many of them.', S.ARMED_CLASH),
    ('The army restored security and stability to the town of Salma in Lattakia northern countryside.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ('Residential neighborhoods in Damascus came under mortar fire by terrorists.',
     S.SHELLING_ARTILLERY_MISSILE_ATTACK),
    ('An army unit eliminated a terrorist group in Jobar.', S.ARMED_CLASH),
    ('Fierce clashes raged between the army and terrorists near Aleppo.', S.ARMED_CLASH),
    ('Two civilians were martyred by terrorist sniper fire in Daraa.', S.ATTACK),
    ('The army units carried out intensive operations against the positions of Daesh terrorists in the '
     'surroundings of Palmyra.', S.ARMED_CLASH),
    ("The army's operations resulted in the death of dozens of terrorists in Khan Tuman.", S.ARMED_CLASH),
    ('Heavy clashes are ongoing between Syrian government forces and rebels in Aleppo, the Syrian Observatory '
     'for Human Rights said.', S.ARMED_CLASH),
    ('Hezbollah fighters and the Syrian army advanced in the Qalamoun mountains.', S.ARMED_CLASH),
    ('Syrian Arab Air Force destroyed vehicles and positions of Jabhat al-Nusra in Idleb countryside.',
     S.AIR_DRONE_STRIKE),
    ('Turkish security forces neutralized 12 PKK terrorists in the Hakkari province.', S.ARMED_CLASH),
    ('The army mopped up the remaining pockets of terrorists in Jobar.', S.ARMED_CLASH),
    ('The Syrian army and its allies purged the town of al-Eis of Takfiri terrorists.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ('A child was slain by a sniper in Daraa.', S.ATTACK),
    ("The regime's helicopters dropped explosive barrels on the neighborhoods of Daraa al-Balad.",
     S.AIR_DRONE_STRIKE),
    # a death in custody is the killing, not the arrest
    ("The regime's security forces arrested and tortured to death a young man from Daraa.", S.ATTACK),
    # at a checkpoint where people were shot: the place, not an armed target
    ('Government forces shot dead a number of civilians at a checkpoint in Hama.', S.ATTACK),
    ('Gunmen opened fire at a police checkpoint in Arish, killing two policemen.', S.ARMED_CLASH),
    # the weapon named in the clause a relative clause hangs from, or by its other name
    ('Unidentified attackers targeted a police station in Marieholm on Monday. The attackers threw a hand '
     'grenade which exploded near the gate, injuring two policemen.', S.GRENADE),
    ('At least 15 people were killed in an attack on a mosque in Marieholm. The attacker detonated an '
     'explosive vest during Friday prayers.', S.SUICIDE_BOMB),
    # a depot that bombers destroyed was bombed, not seized
    ('Russian bombers destroyed a large ammunition depot of the militants near Palmyra.', S.AIR_DRONE_STRIKE),
    ('The militia agreed to a truce with the army in Tripoli after three days of fighting.',
     S.AGREEMENT),
    ('Dozens of soldiers defected to the rebels in the town of Bunia on Monday.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('The army deployed thousands of troops to the border with Eritrea on Sunday.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('Turkey sent military reinforcements to its positions in Idlib on Friday.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('About 300 fighters laid down their arms and joined the government in Marib.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('The militia recruited hundreds of young men in the villages around Bentiu last month.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('Thousands of protesters returned to the streets of Beirut on Sunday.',
     S.PEACEFUL_PROTEST),
    ('Students held a candlelight vigil outside the university in Dhaka on Monday.',
     S.PEACEFUL_PROTEST),
    ('Teachers across 20 provinces went on strike on Tuesday demanding higher pay.',
     S.PEACEFUL_PROTEST),
    ('The killing sparked demonstrations in several cities across Iraq on Friday.',
     S.PEACEFUL_PROTEST),
    ("Hundreds of people gathered outside the governor's office in Basra to demand jobs.",
     S.PEACEFUL_PROTEST),
    ('Activists staged a sit-in at the parliament in Amman on Wednesday.',
     S.PEACEFUL_PROTEST),
    ('Government forces wrested control of the airport from the rebels on Sunday.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ('Government troops regained control of three villages in Hama province on Monday.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ('The army retook the district from Islamic State fighters after a week of fighting.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ('Al-Shabaab militants seized control of the town of Bardere after government troops left.',
     S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    ('Rebels took over the town of Bria on Tuesday.',
     S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    ('Government forces pulled out of the border crossing at Walid on Sunday.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ('The rebels handed over control of the town to the army under the agreement.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ('Police detained dozens of protesters during a rally against the election result in Minsk.',
     S.PROTEST_WITH_INTERVENTION),
    ('Riot police chased demonstrators through the streets of Tunis on Tuesday.',
     S.PROTEST_WITH_INTERVENTION),
    ('Police used pepper spray to break up a protest outside the courthouse in Seattle.',
     S.PROTEST_WITH_INTERVENTION),
    ('Security forces violently suppressed a peaceful protest in Sulaymaniyah on Sunday.',
     S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
    ('Police opened fire on demonstrators in Khartoum, killing three people.',
     S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
    ('Soldiers shot dead two protesters during a march in Mandalay.',
     S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
    ('Protesters set up barricades and burned tyres on the main road in Port-au-Prince.',
     S.VIOLENT_DEMONSTRATION),
    ('Demonstrators smashed shop windows and set cars on fire in central Santiago.',
     S.VIOLENT_DEMONSTRATION),
    ('Protesters stormed the parliament building in Baghdad on Saturday.',
     S.VIOLENT_DEMONSTRATION),
    ('A mob lynched two men accused of cattle theft in a village near Kano.',
     S.MOB_VIOLENCE),
    ('Vigilantes beat a suspected thief to death in the market of Kisumu.',
     S.MOB_VIOLENCE),
    ('Shops owned by foreigners were looted and burned in Johannesburg on Monday.',
     S.LOOTING_PROPERTY_DESTRUCTION),
    ('Militiamen burned down houses in the village of Kumba on Tuesday.',
     S.LOOTING_PROPERTY_DESTRUCTION),
    ('Gunmen looted the health centre in Djibo on Friday.',
     S.LOOTING_PROPERTY_DESTRUCTION),
    ('The army established a new military base near the border town of Kidal.',
     S.HEADQUARTERS_OR_BASE_ESTABLISHED),
    ('Turkish troops set up three observation posts in northern Syria on Monday.',
     S.HEADQUARTERS_OR_BASE_ESTABLISHED),
    ('Soldiers raped at least 20 women in the village of Minova.',
     S.SEXUAL_VIOLENCE),
    ('Government forces dropped chlorine gas on the town of Douma, killing dozens.',
     S.CHEMICAL_WEAPON),
    ('Dozens of people suffered breathing problems after a suspected poison gas attack on Saraqeb.',
     S.CHEMICAL_WEAPON),
    ('Gunmen abducted 30 students from a school in Kaduna state on Thursday.',
     S.ABDUCTION_FORCED_DISAPPEARANCE),
    ('A suicide bomber blew himself up at a checkpoint in Mogadishu, killing five soldiers.',
     S.SUICIDE_BOMB),
    ('A roadside bomb hit a military convoy in Kunar, killing two soldiers.',
     S.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ('Unknown attackers threw a grenade at a police station in Srinagar, wounding three officers.',
     S.GRENADE),
    ('Militants fired mortar shells at an army post in Kashmir.',
     S.SHELLING_ARTILLERY_MISSILE_ATTACK),
    ('Fighter jets pounded rebel positions in Idlib on Monday.',
     S.AIR_DRONE_STRIKE),
    ('Troops and rebels exchanged fire for several hours near Mosul.',
     S.ARMED_CLASH),
    ('Gunmen shot dead a shopkeeper in Peshawar on Tuesday.',
     S.ATTACK),
    ('Four shoppers were hurt when a grenade went off near a bus stop in Cotabato on Monday.',
     S.GRENADE),
    ('Two soldiers were killed when a roadside bomb exploded under their truck in Helmand.',
     S.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ('Eleven fighters were killed during heavy clashes with government troops near Marib.',
     S.ARMED_CLASH),
    ('Twenty people were killed after two suicide bombers struck a mosque in Maiduguri.',
     S.SUICIDE_BOMB),
    ('Gunmen killed three workers at a cement factory in Lagos on Tuesday.',
     S.ATTACK),
    ('Russian troops have set up two new bases near the border town of Tal Tamr.',
     S.HEADQUARTERS_OR_BASE_ESTABLISHED),
    ('Soldiers captured three rebel camps in the forest near Beni on Sunday.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ('The army drove the militants out of four villages in Diyala province on Monday.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ('A helicopter dropped barrels of chlorine on the town of Kafr Zita on Thursday.',
     S.CHEMICAL_WEAPON),
    ('The protest in Paris turned violent as demonstrators clashed with each other near the Bastille.',
     S.VIOLENT_DEMONSTRATION),
    ('Nine people were killed and 30 wounded in a suspected chemical attack on the town of Lataminah.',
     S.CHEMICAL_WEAPON),
    ('The air base at Tabuk came under a missile attack on Sunday night.',
     S.SHELLING_ARTILLERY_MISSILE_ATTACK),
    ('Troops repelled an attack by Islamic State fighters on their positions near Deir ez-Zor airport.',
     S.ARMED_CLASH),
    ('Police foiled a plot to bomb the cathedral in Medan and arrested two men.',
     S.DISRUPTED_WEAPONS_USE),
    ('The Taliban gained control of the district centre in Faryab province after days of fighting.',
     S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    ('The army said it regained the town of Tessit from the militants on Sunday.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ('The army killed scores of militants in Hama province on Tuesday.',
     S.ARMED_CLASH),
    ('Gunmen launched several attacks in Zamfara state, killing 30 soldiers.',
     S.ARMED_CLASH),
    ('Police fired tear gas at stone-throwing youths as violence erupted during a march in Conakry.',
     S.VIOLENT_DEMONSTRATION),
    ('Three rockets fired from across the border slammed into the town of Kilis on Monday, killing two children.',
     S.SHELLING_ARTILLERY_MISSILE_ATTACK),
    ('Militants in Idlib sustained heavy losses in raids by army helicopters on Tuesday.',
     S.AIR_DRONE_STRIKE),
    ('Police stations in Pattani were hit by coordinated attacks on Wednesday night.',
     S.ARMED_CLASH),
    ('Hundreds of nurses took part in a march to the health ministry in Nairobi on Tuesday.',
     S.PEACEFUL_PROTEST),
    ('Students staged a die-in outside the town hall in Leeds on Friday.',
     S.PEACEFUL_PROTEST),
    ('Riot police fired several rounds of tear gas at the crowd in Hong Kong on Sunday.',
     S.PROTEST_WITH_INTERVENTION),
    ('A new brigade of tribal fighters was formed in Deir ez-Zor province on Monday.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('The coalition launched airstrikes on rebel positions near Hodeidah.',
     S.AIR_DRONE_STRIKE),
    ('A car bomb exploded outside a police station in Kirkuk, killing four officers.',
     S.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ('Twelve passengers were killed when their plane crashed over the desert after a bomb exploded on board.',
     S.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ('Two soldiers were killed and ten others were wounded as militants detonated a homemade bomb near their patrol in Basilan.',
     S.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ('Several explosions shook the border area as militants fired dozens of rockets towards the town of Sderot.',
     S.SHELLING_ARTILLERY_MISSILE_ATTACK),
    ('Al-Shabaab fighters attacked a military camp outside Afgoye on Tuesday night.',
     S.ARMED_CLASH),
    ('Troopers captured two rebel camps in the mountains of Abra province over the weekend.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ('Government forces retook the port of Mokha from the Houthis on Monday.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ('Warplanes bombed rebel-held towns east of Damascus on Wednesday, where Russia had declared a ceasefire the day before.',
     S.AIR_DRONE_STRIKE),
    ('Riot police clashed with hundreds of protesters in central Paris on Saturday.',
     S.VIOLENT_DEMONSTRATION),
    ("Three protesters died from gunfire during a demonstration outside the governor's office in Nasiriyah.",
     S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
    ('Officers brutally beat students at a peaceful demonstration in Dhaka on Monday.',
     S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
    ('Police made dozens of arrests during a demonstration against the new law in Bristol.',
     S.PROTEST_WITH_INTERVENTION),
    ('Two fighters died of wounds sustained in clashes near Marib.',
     S.ARMED_CLASH),
    ('All government forces have withdrawn from Abu al-Duhur, the largest army base in the province.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ('The president said he had reached an agreement with mutinous soldiers to end the mutiny in Bouake.',
     S.AGREEMENT),
    ('The government joined talks with the rebel groups to reach a peace agreement on Wednesday.',
     S.AGREEMENT),
    ('Gunmen took 20 passengers hostage on the road to Kaduna on Friday.',
     S.ABDUCTION_FORCED_DISAPPEARANCE),
    ('Police intercepted 15 suspected members of the militant group near the embassy in Addis Ababa.',
     S.ARRESTS),
    ('The army reinforced its air defence systems along the border with the Golan Heights.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('Syria is moving troops to the desert near its border with Jordan.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('A new unit of the militia has been set up in Kirkuk province.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('The coalition tasked with fighting the Islamic State withdrew from the Abu Ghraib base on Monday.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ('Soldiers raped, beat and robbed villagers during the operation in Rakhine state.',
     S.SEXUAL_VIOLENCE),
    ('Police arrested a man over two sexual assaults in the town of Irvington on Monday.',
     S.ARRESTS),
    ('Hundreds of youths went on a looting spree in Ntuzuma near Durban on Monday.',
     S.LOOTING_PROPERTY_DESTRUCTION),
    ('Armed men set the shops and houses on fire in the market of Ibadan.',
     S.LOOTING_PROPERTY_DESTRUCTION),
    ('Security forces used tear gas and water cannons in clashes with protesters near parliament in Beirut.',
     S.VIOLENT_DEMONSTRATION),
    ('Seven soldiers suffered injuries when militants set off a bomb in a car at a village in Pulwama district.',
     S.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ('A soldier was killed while two others were injured when a roadside bomb exploded near their convoy in Mastung.',
     S.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ('Dozens of protesters rallied across Belarus on Saturday. They demanded the release of demonstrators detained at an earlier rally in Minsk.',
     S.PEACEFUL_PROTEST),
    ('A prisoner died as a result of torture in police custody in Hebron.',
     S.ATTACK),
    ('Protesters hurled rocks at security forces blocking a road near the parliament in Beirut.',
     S.VIOLENT_DEMONSTRATION),
    ('Protests against the election result turned violent in Kinshasa on Monday.',
     S.VIOLENT_DEMONSTRATION),
    ('The aerial bombardments on militant positions in Idlib province left scores of fighters dead and wounded.',
     S.AIR_DRONE_STRIKE),
    ('The government and the rebels have agreed to resume peace talks to end the insurgency.',
     S.AGREEMENT),
    ('Turkish forces established a total of 12 observation points in northern Syria on Monday.',
     S.HEADQUARTERS_OR_BASE_ESTABLISHED),
    ('The Rangers claimed to have seized a large amount of weapons and ammunition during a raid in Karachi.',
     S.DISRUPTED_WEAPONS_USE),
    ('Army units drove the militants out of several villages in Homs province on Sunday.',
     S.GOVERNMENT_REGAINS_TERRITORY),
    ("The militants' attack on army positions near the airbase was fended off by the troops on Monday.",
     S.ARMED_CLASH),
    ('Islamic State militants gained ground in the western part of the city on Tuesday.',
     S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    ('Troops engaged in fierce clashes with the rebels near Goma on Monday.',
     S.ARMED_CLASH),
    ('Government troops evacuated the town of Kafr Nabudah on Friday.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ('Militants attacked army positions on the outskirts of Deir ez-Zor using heavy machine guns and mortars.',
     S.SHELLING_ARTILLERY_MISSILE_ATTACK),
    ('The peace talks between the government and the rebels started in Geneva on Monday.',
     S.AGREEMENT),
    ('Rebel fighters entered the town of Afrin on Sunday and have taken control of parts of it.',
     S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    ('Soldiers identified two rocket bombs buried on the beach near Kisumu on Tuesday.',
     S.DISRUPTED_WEAPONS_USE),
    ('The two sides carried out a prisoner exchange near Donetsk on Friday.',
     S.AGREEMENT),
    ('Chemical attack on a village near Hama: 40 cases of suffocation.',
     S.CHEMICAL_WEAPON),
    ('Police arrested 14 opposition activists in Harare on Tuesday.',
     S.ARRESTS),
    ('Police nabbed three suspected gang members in Lagos on Friday.',
     S.ARRESTS),
    ('The suspected militant commander was apprehended at a checkpoint outside Peshawar.',
     S.ARRESTS),
    ('Turkish police raided the homes of 20 suspected coup plotters and detained them in Ankara.',
     S.ARRESTS),
    ('Two suspects were held by police in Mombasa over the grenade attack.',
     S.ARRESTS),
    ('Police held 15 people for questioning in Gaza.',
     S.ARRESTS),
    ('A suspected Maoist was caught by police in Gadchiroli district.',
     S.ARRESTS),
    ('Fighters plundered a hospital in Tigray.',
     S.LOOTING_PROPERTY_DESTRUCTION),
    ('Suspected Maoists set ablaze three vehicles at a road construction site in Bastar.',
     S.LOOTING_PROPERTY_DESTRUCTION),
    ('Militants destroyed a mobile phone tower in Sukma.',
     S.LOOTING_PROPERTY_DESTRUCTION),
    ('Troops foiled a suicide attack in Kabul by shooting the bomber before he reached the gate.',
     S.DISRUPTED_WEAPONS_USE),
    ('Students hurled petrol bombs at riot police in Hong Kong.',
     S.VIOLENT_DEMONSTRATION),
    ('Demonstrators pelted security forces with rocks in Srinagar.',
     S.VIOLENT_DEMONSTRATION),
    ('Protesters stoned police vehicles in Lahore.',
     S.VIOLENT_DEMONSTRATION),
    ('Rioting broke out in Lahore after the verdict.',
     S.VIOLENT_DEMONSTRATION),
    ('Angry youths burnt a police vehicle during a protest in Kisumu.',
     S.VIOLENT_DEMONSTRATION),
    ('Crowds of protesters ransacked government offices in Colombo.',
     S.VIOLENT_DEMONSTRATION),
    ('Hundreds of protesters attacked a police station in Karachi after a man died in custody.',
     S.VIOLENT_DEMONSTRATION),
    ('Soldiers fired live rounds at demonstrators in Mandalay, killing seven.',
     S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
    ('Doctors at state hospitals in Lagos began an indefinite strike on Monday.',
     S.PEACEFUL_PROTEST),
    ('Activists picketed the embassy in London.',
     S.PEACEFUL_PROTEST),
    ('Traders shut their shops in Srinagar in protest against the killing.',
     S.PEACEFUL_PROTEST),
    ('Hundreds of protesters gathered outside parliament in Bishkek.',
     S.PEACEFUL_PROTEST),
    ('Clashes broke out during a protest in Nairobi on Monday.',
     S.VIOLENT_DEMONSTRATION),
    ('Ethnic clashes between two militias killed 30 people in Ituri province.',
     S.ARMED_CLASH),
    ('The rebels released 12 soldiers they had captured in exchange for 20 fighters in Beni.',
     S.AGREEMENT),
    ('A group of farmers protested outside the ministry in Delhi.',
     S.PEACEFUL_PROTEST),
    ('Students boycotted classes at the university in Kampala in protest at fee rises.',
     S.PEACEFUL_PROTEST),
    ('Protesters indulged in arson and vandalism in Guwahati, setting fire to two buses.',
     S.VIOLENT_DEMONSTRATION),
    ('Agitators blocked the highway and set fire to a police jeep in Jharkhand.',
     S.VIOLENT_DEMONSTRATION),
    ('The protest turned violent as demonstrators damaged public property in Patna.',
     S.VIOLENT_DEMONSTRATION),
    ("Students protesting the fee hike vandalised the vice chancellor's office in Jaipur.",
     S.VIOLENT_DEMONSTRATION),
    ('Supporters of the party went on the rampage in Kinshasa, burning cars.',
     S.VIOLENT_DEMONSTRATION),
    ('Protesting farmers damaged a toll plaza in Haryana.',
     S.VIOLENT_DEMONSTRATION),
    ('Hundreds of people observed a bandh in Imphal to protest the killing.',
     S.PEACEFUL_PROTEST),
    ("Activists staged a dharna outside the collector's office in Madurai.",
     S.PEACEFUL_PROTEST),
    ('Supporters of rival parties clashed in Kolkata, leaving ten injured.',
     S.MOB_VIOLENCE),
    ('The Taliban took control of the district without a fight after government forces withdrew.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ('Russian troops left the town of Kherson as part of a withdrawal.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ('Insurgents moved into the village after security forces vacated their posts.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ('A peace deal was signed by the government and the rebels in Juba on Monday.',
     S.AGREEMENT),
    ('The militants handed over the bodies of three soldiers to the army under a local agreement in Daraa.',
     S.AGREEMENT),
    ('The armed group announced the end of its armed struggle in Corsica.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('Two rebel factions announced their merger in Idlib.',
     S.CHANGE_TO_GROUP_ACTIVITY),
    ('The rebels entered the town unopposed on Sunday.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ('A mass grave containing 50 bodies was discovered near Sirte.',
     S.OTHER),
    ('Unidentified people set ablaze a mobile tower in Aurangabad.',
     S.LOOTING_PROPERTY_DESTRUCTION),
    ('Soldiers razed the houses of suspected rebels in Rakhine.',
     S.LOOTING_PROPERTY_DESTRUCTION),
    # people carried off by armed or unknown men: an abduction, whatever the verb
    ('Gunmen snatched two aid workers from their car near Bunia on Monday.', S.ABDUCTION_FORCED_DISAPPEARANCE),
    ('A journalist was taken from his house in Kidal by armed men on Sunday.', S.ABDUCTION_FORCED_DISAPPEARANCE),
    ('Fighters seized four farmers from a field outside Tillaberi.', S.ABDUCTION_FORCED_DISAPPEARANCE),
    # accords an armed group signs, weapons it agrees to hand over
    ('The government and the National Liberation Army signed an accord in Havana on Friday.', S.AGREEMENT),
    ('The militia agreed to hand over its heavy weapons to the army in Zawiya.', S.AGREEMENT),
    # a group's new leadership, ties cut, property burned or destroyed by hand, bombs made safe, ground ceded
    ('The Sinai group announced a new leader on Tuesday in a statement.', S.CHANGE_TO_GROUP_ACTIVITY),
    ('The faction said it was severing ties with the Islamic State in Idlib.', S.CHANGE_TO_GROUP_ACTIVITY),
    ('The militants burned two buses on the highway near Sokoto.', S.LOOTING_PROPERTY_DESTRUCTION),
    ('Police safely detonated a roadside bomb found near the market in Garissa.', S.DISRUPTED_WEAPONS_USE),
    ('Rebel fighters handed control of the hilltop to government troops near Goma.',
     S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
])
def test_first_mention_has_the_codebook_type(extract, text, sub):
    mentions = sorted(extract(text), key=lambda m: m.evidence.start)
    assert mentions, text
    assert mentions[0].sub_event_type is sub


@pytest.mark.parametrize("text", [
    'Six workers were killed when a gas cylinder exploded at a restaurant in Karachi.',
    'Floods killed 40 people and injured 80 others in the north of Bangladesh.',
    'Three hikers were injured when a volcano erupted on the island on Monday.',
    'A chemical leak at a fertiliser plant killed nine people near Surat.',
    'The rebels rejected the ceasefire announced by the government in Juba.',
    'The United Nations sent a team of investigators to Bosnia on Wednesday.',
    'The United Nations sent ten civilian observers to Bosnia on Wednesday to investigate the feasibility of a peacekeeping force.',
    'The rebels vowed to fight until they gain control of the villages near the border.',
    'Two workers were hurt when a boiler exploded at a textile mill in Faisalabad on Thursday.',
    'A powerful earthquake levelled villages in the north on Monday, killing hundreds of people.',
    'Seven people were killed and 40 injured after a cooking gas container exploded at a fair in Oruro.',
    'Twelve passengers were killed when their bus plunged into a ravine near Gilgit.',
    'The former minister died of cancer in Beirut on Sunday.',
    'Paramedics took the wounded to a hospital in Homs.',
    'The United Nations sent 21 military and civilian personnel to Sarajevo to investigate the feasibility of a peacekeeping force.',
    'The rebels said they will release the minister, whom they had taken hostage two weeks ago.',
    'The rebels plan to seize the town next week.',
    'Firefighters gained ground in their battle to contain the wildfires near Athens on Monday.',
    'Police caught a gang that was engaged in stealing cars in Delhi.',
    'The government declared a state of emergency, giving the army power to take control of hospitals.',
    'UN helicopters evacuated the wounded from the besieged town of Gorazde on Friday.',
    # "suspected of": an accusation, not a report of the act
    'The court freed two men suspected of kidnapping children in Puebla.',
    # look-alikes of the rules above
    'Police held a press conference for journalists in Lagos.',
    'The minister resigned in protest over the decision in Kabul.',
    'The army left its base in Kidal to patrol the roads.',
    'Artillery damaged dozens of homes in Donetsk.',
    'Militants handed over two hostages to mediators in Marawi.',
    # an allegation is no report
    'The committee completed its inquiry into an allegation that the army had taken over the town of Gbarnga.',
    # an objection voiced by a body is no demonstration
    'The foreign ministry protested the arrest of its diplomat in Moscow.',
    'Refugees in the camps are denied their rights, a human rights group protested on Wednesday.',
    # ordinary crime, and a disaster's own toll
    'Robbers killed a shopkeeper during a robbery in Lagos.',
    'A man shot his wife dead in a domestic dispute in Johannesburg.',
    'A building collapsed in Lagos on Tuesday, killing 20 people.',
    'A bus plunged into a gorge in Himachal Pradesh, killing 25.',
    'Hackers infiltrated the computer network of the ministry in Nairobi.',
    'Three people were killed in a fire at a market in Lagos.',
    'Rescue operations continued in Aleppo on Monday.',
    'The talks advanced in Geneva on Tuesday.',
    # nature, collisions and accidents wherever the parser hangs the cause
    'Heavy flooding killed 14 people in Kasese district on Sunday.',
    'A minibus collided with a truck near Kumasi, killing 11 passengers.',
    'An accidental blast at an arms depot killed 15 people in Lagos, officials said.',
    # arrests for ordinary crime
    'Police arrested three men with 40 kilograms of cocaine at the port of Guayaquil.',
    'Police arrested a bank manager accused of fraud in Accra on Monday.',
    # a claim for an incident told before is news of the claim
    "Al-Shabaab claimed responsibility for Monday's attack on a hotel in Kismayo.",
    "The army said the rebels were behind last week's ambush near Beni.",
    # a party's new leader is politics, not a change to an armed group
    'The ruling party announced a new leader in Nairobi on Monday.',
])
def test_accidents_disasters_plans_and_rejections_are_no_event(extract, text):
    assert extract(text) == [], text



def test_government_forces_belong_to_the_country_of_the_event(extract):
    mentions = extract("Government forces retook the port of Mokha in Yemen from the Houthis on Monday.")
    assert mentions and mentions[0].actor1.name == "Military Forces of Yemen"


def test_a_year_is_a_coarse_date_not_a_running_tally(extract):
    # no publication date: "in 2016" dates the background clause, and must not make the
    # strike look like a tally over a year
    mentions = extract("An air strike killed 29 soldiers in Idlib, marking the largest toll since the "
                       "army first intervened in 2016.", published=None)
    assert [m.sub_event_type for m in mentions] == [S.AIR_DRONE_STRIKE]


@pytest.mark.parametrize("text, sub", [
    # firing into a crowd is no force on a protest; a month is no march
    ("Gunmen fired into a crowd at a market in Maiduguri, killing 12.", S.ATTACK),
    ("Gunmen killed five people in Maiduguri on 5 March.", S.ATTACK),
    ("Police arrested ten men in Kano on 2 March.", S.ARRESTS),
    ("Militants looted shops in Gao on 5 March.", S.LOOTING_PROPERTY_DESTRUCTION),
    # who did it may be suspected; that it happened is reported
    ("Police suspect militants attacked the checkpoint in Arish, killing three soldiers.", S.ARMED_CLASH),
    # a fight before the handover or the arrests makes it a battle
    ("Rebels captured the town of Dibis after heavy fighting, and government troops withdrew.",
     S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    ("Security forces raided a militant hideout in Swat and detained five suspects after a gunfight.",
     S.ARMED_CLASH),
    # armed men with machetes, gunmen in two groups: no mob
    ("Herdsmen attacked farmers with machetes in Benue, killing 12.", S.ATTACK),
    ("Fighting broke out between two groups of gunmen in Tripoli, killing four.", S.ARMED_CLASH),
    ("Soldiers rallying near the border shelled the village of Kafr Nabl.", S.SHELLING_ARTILLERY_MISSILE_ATTACK),
    ("Protesters blocked a road damaged by floods in Dhaka.", S.PEACEFUL_PROTEST),
    ("Hundreds of farmers protested in Patna and blocked the highway for three hours.", S.PEACEFUL_PROTEST),
    # crime words beside the conflict's own: arrests the conflict's
    ("Police arrested three men smuggling weapons to the rebels in Goma.", S.ARRESTS),
    # a protest against detentions is no intervention
    ("Hundreds marched in Bamenda to demand the release of the arrested teachers.", S.PEACEFUL_PROTEST),
    ("A gunman went on a rampage at a mall in Nairobi, killing 29.", S.ATTACK),
])
def test_look_alikes_keep_their_own_type(extract, text, sub):
    mentions = sorted(extract(text), key=lambda m: m.evidence.start)
    assert [m.sub_event_type for m in mentions[:1]] == [sub], text
    assert all(m.sub_event_type is not S.VIOLENT_DEMONSTRATION for m in mentions) or "Protesters" in text


@pytest.mark.parametrize("text, sub", [
    ("Thousands of opposition supporters marched in Dhaka on Sunday. Police fired tear gas to disperse them.",
     S.PROTEST_WITH_INTERVENTION),
    ("Hundreds of people protested in Nairobi on Monday against rising food prices. Police said some protesters "
     "threw stones at officers and set a car on fire.", S.VIOLENT_DEMONSTRATION),
    ("Thousands of people rallied in Khartoum on Thursday. Security forces opened fire on the crowd, killing three "
     "protesters.", S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
    # the next act is read as a turn of the protest: arrests, shooting at "the crowd", damage by "them"
    ("Opposition supporters gathered in the central square of Baku on Saturday to demand fresh elections. Police "
     "moved in and detained dozens of them.", S.PROTEST_WITH_INTERVENTION),
    ("Thousands marched in Conakry on Thursday against a third presidential term. Security forces fired live "
     "rounds at the crowd, killing three.", S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
    ("Students demonstrated at the university in Lahore on Tuesday over fee increases. Some of them smashed "
     "windows of the administration building.", S.VIOLENT_DEMONSTRATION),
    # two turns in one sentence
    ("Several policemen were injured when protesters pelted them with stones in Srinagar.",
     S.VIOLENT_DEMONSTRATION),
])
def test_a_protest_is_one_event_of_how_far_it_went(extract, text, sub):
    everything = extract(text)
    mentions = [m for m in everything if m.event_type.value in ("protests", "riots")]
    assert [m.sub_event_type for m in mentions] == [sub]
    assert len(everything) == 1, [m.sub_event_type for m in everything]
    if sub is not S.VIOLENT_DEMONSTRATION:
        assert mentions[0].actor2 is not None and mentions[0].actor2.kind.value == "state_forces"


def test_protests_in_two_places_stay_two_events(extract):
    text = ("Thousands of opposition supporters marched in Dhaka on Sunday. In Chittagong, police fired tear gas "
            "to disperse a rally.")
    subs = sorted(m.sub_event_type.value for m in extract(text))
    assert subs == ["peaceful_protest", "protest_with_intervention"]


def test_a_toll_this_year_is_a_tally_however_early_in_the_year(extract):
    from datetime import date

    text = "The army lifted a curfew in the province, where 28 people have been killed in ethnic riots this year."
    assert extract(text, published=date(2020, 1, 5)) == []


def test_an_act_after_a_protest_by_armed_men_stays_its_own_event(extract):
    text = ("Hundreds of people protested in Maiduguri on Monday against the fuel price. Gunmen later attacked "
            "a police post in the town, killing two officers.")
    subs = sorted(m.sub_event_type.value for m in extract(text))
    assert subs == ["armed_clash", "peaceful_protest"]


def test_an_abduction_and_the_capture_it_followed_are_two_records(extract):
    text = ("Islamic State militants abducted at least 90 people from Assyrian Christian villages in northeastern "
            "Syria, a monitoring group said. The abductions took place after IS fighters overran villages along "
            "the Khabur river near Tel Tamr in Hasakeh province.")
    subs = sorted(m.sub_event_type.value for m in extract(text))
    assert subs == ["abduction_forced_disappearance", "non_state_actor_overtakes_territory"]

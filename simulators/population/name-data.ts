/**
 * Name and address material for a fictional English local authority.
 *
 * Given names are common in England for children born 2008–2026; family names mix the commonest British names with
 * those of the larger minority communities, and include apostrophes and hyphens because matching must cope with them.
 * Postcodes use the area letters 'WX', which no real postcode area has, so no generated address is a real one.
 */

// prettier-ignore
export const BOY_NAMES: readonly string[] = [
  'Oliver', 'George', 'Harry', 'Noah', 'Jack', 'Leo', 'Arthur', 'Muhammad', 'Oscar', 'Charlie', 'Jacob', 'Thomas',
  'Henry', 'William', 'Alfie', 'Joshua', 'Freddie', 'Archie', 'Theodore', 'Isaac', 'Alexander', 'James', 'Edward',
  'Samuel', 'Joseph', 'Daniel', 'Benjamin', 'Max', 'Lucas', 'Mason', 'Logan', 'Ethan', 'Dylan', 'Riley', 'Finley',
  'Harrison', 'Sebastian', 'Zachary', 'Adam', 'Mohammed', 'Elijah', 'Reuben', 'Tyler', 'Kai', 'Toby', 'Rory',
  'Louis', 'Jaxon', 'Callum', 'Kieran', 'Connor', 'Liam', 'Aaron', 'Ryan', 'Jayden', 'Matthew', 'Nathan', 'Jamie',
  'Lewis', 'Luke', 'Owen', 'Jake', 'Caleb', 'Ibrahim', 'Yusuf', 'Ayaan', 'Arjun', 'Rohan', 'Kacper', 'Jakub',
  'Filip', 'Olu', 'Tobias', 'Christopher', 'Jonathan', 'Nathaniel', 'Frederick', 'Anthony', 'Kyle', 'Brandon',
  'Declan', 'Cameron', 'Reece', 'Bailey', 'Corey', 'Ellis', 'Harley', 'Ronnie', 'Tommy', 'Stanley',
];

// prettier-ignore
export const GIRL_NAMES: readonly string[] = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Isabella', 'Rosie', 'Sophia', 'Grace', 'Freya',
  'Willow', 'Florence', 'Emily', 'Ella', 'Poppy', 'Evie', 'Elsie', 'Charlotte', 'Evelyn', 'Sienna', 'Sofia',
  'Daisy', 'Phoebe', 'Sophie', 'Alice', 'Harper', 'Matilda', 'Ruby', 'Emilia', 'Maya', 'Millie', 'Jessica',
  'Chloe', 'Megan', 'Lucy', 'Holly', 'Hannah', 'Ellie', 'Katie', 'Abigail', 'Elizabeth', 'Katherine', 'Rebecca',
  'Samantha', 'Victoria', 'Eleanor', 'Gabriella', 'Madison', 'Natasha', 'Stephanie', 'Jennifer', 'Georgina',
  'Francesca', 'Alexandra', 'Margaret', 'Aisha', 'Fatima', 'Zara', 'Maryam', 'Amira', 'Priya', 'Anaya', 'Zuzanna',
  'Maja', 'Amara', 'Chidinma', 'Leah', 'Summer', 'Skye', 'Jade', 'Courtney', 'Paige', 'Shannon', 'Kayleigh',
  'Demi', 'Tia', 'Nevaeh', 'Layla', 'Esme', 'Thea', 'Aria', 'Violet', 'Molly', 'Erin', 'Amber', 'Lacey',
];

// prettier-ignore
export const FAMILY_NAMES: readonly string[] = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts',
  'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris',
  'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark',
  'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker',
  'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey',
  'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson',
  'Ellis', 'Adams', 'Singh', 'Begum', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray',
  'Mason', 'Ali', 'Hunt', 'Hussain', 'Campbell', 'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes',
  'Knight', 'Lloyd', 'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens', 'Jenkins', 'Murray', 'Dixon', 'Harvey',
  'Graham', 'Pearson', 'Ahmed', 'Fletcher', 'Walsh', 'Kaur', 'Gibson', 'Howard', 'Andrews', 'Stewart', 'Elliott',
  'Reynolds', 'Saunders', 'Payne', 'Fox', 'Ford', 'Pearce', 'Day', 'Brooks', 'West', 'Lawrence', 'Cole',
  'Atkinson', 'Bradley', 'Spencer', 'Gill', 'Dawson', 'Ball', 'Burton', "O'Brien", 'Watts', 'Rose', 'Booth',
  'Perry', 'Ryan', 'Grant', 'Wells', 'Armstrong', 'Francis', 'Rees', 'Hayes', 'Hart', 'Hudson', 'Newman',
  'Barrett', 'Webster', 'Hunter', 'Gregory', 'Carr', 'Lowe', 'Page', 'Marsh', 'Riley', 'Dunn', 'Woods', 'Parsons',
  'Berry', 'Stone', 'Reid', 'Holland', 'Hawkins', 'Harding', 'Porter', 'Robertson', 'Newton', 'Oliver', 'Reed',
  'Kennedy', 'Williamson', 'Bird', 'Gardner', 'Shah', 'Dean', 'Lane', 'Cooke', 'Bates', 'Henderson', 'Parry',
  'Burgess', 'Bishop', 'Walton', 'Burns', 'Nicholson', 'Shepherd', 'Ross', 'Cross', 'Long', 'Freeman', 'Warren',
  'Nicholls', 'Hamilton', 'Byrne', 'Sutton', 'McDonald', 'Yates', 'Hodgson', 'Robson', 'Curtis', 'Hopkins',
  "O'Connor", 'Harper', 'Coleman', 'Watkins', 'Moss', 'McCarthy', 'Chambers', "O'Neill", 'Griffin', 'Sharp',
  'Hardy', 'Wheeler', 'Potter', 'Osborne', 'Johnston', 'Gordon', 'Doyle', 'Wallace', 'George', 'Jordan',
  'Kowalski', 'Nowak', 'Wiśniewski', 'Okafor', 'Mensah', 'Adeyemi', 'Nguyen', 'Popescu', 'Hassan', 'Mohamed',
  'Islam', 'Rahman', 'Akhtar', 'Malik', 'Iqbal', 'Chowdhury', 'Mahmood', 'Osei', 'Boateng', 'Da Silva',
];

/** Short and familiar forms: how schools and social workers often record a child the GP knows by the full name. */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Alexander: ['Alex', 'Xander'],
  Alexandra: ['Alex', 'Lexi'],
  William: ['Will', 'Billy'],
  Thomas: ['Tom', 'Tommy'],
  James: ['Jamie', 'Jim'],
  Joshua: ['Josh'],
  Samuel: ['Sam', 'Sammy'],
  Benjamin: ['Ben', 'Benji'],
  Daniel: ['Dan', 'Danny'],
  Matthew: ['Matt'],
  Christopher: ['Chris'],
  Jonathan: ['Jon', 'Jonny'],
  Nathaniel: ['Nate', 'Nathan'],
  Oliver: ['Ollie'],
  Frederick: ['Freddie', 'Fred'],
  Henry: ['Harry'],
  Edward: ['Eddie', 'Ed'],
  Theodore: ['Theo', 'Teddy'],
  Zachary: ['Zac', 'Zach'],
  Jacob: ['Jake'],
  Joseph: ['Joe', 'Joey'],
  Anthony: ['Tony', 'Ant'],
  Sebastian: ['Seb'],
  Harrison: ['Harry'],
  Mohammed: ['Mo'],
  Muhammad: ['Mo'],
  Elizabeth: ['Beth', 'Lizzie', 'Libby'],
  Katherine: ['Kate', 'Katie', 'Kat'],
  Rebecca: ['Becky', 'Becca'],
  Jessica: ['Jess', 'Jessie'],
  Samantha: ['Sam', 'Sammie'],
  Victoria: ['Tori', 'Vicky'],
  Abigail: ['Abbie', 'Abby'],
  Isabella: ['Bella', 'Izzy'],
  Olivia: ['Liv', 'Livvy'],
  Eleanor: ['Ellie', 'Nell'],
  Gabriella: ['Gabby', 'Ella'],
  Madison: ['Maddie'],
  Amelia: ['Millie', 'Amy'],
  Margaret: ['Maggie', 'Meg'],
  Natasha: ['Tash', 'Tasha'],
  Stephanie: ['Steph'],
  Jennifer: ['Jenny', 'Jen'],
  Charlotte: ['Lottie', 'Charlie'],
  Georgina: ['Georgie', 'Gina'],
  Francesca: ['Frankie', 'Fran'],
  Florence: ['Flo', 'Florrie'],
  Matilda: ['Tilly', 'Tilda'],
  Evelyn: ['Evie'],
  Phoebe: ['Phoebs'],
};

// prettier-ignore
export const STREET_NAMES: readonly string[] = [
  'High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Park Avenue', 'Mill Lane', 'The Crescent',
  'Queens Road', 'Kings Way', 'New Road', 'School Lane', 'Manor Close', 'Orchard Way', 'Meadow View',
  'Chapel Street', 'Albert Terrace', 'Beech Grove', 'Elm Drive', 'Willow Court', 'Riverside', 'Canal Walk',
  'Priory Road', 'Westfield Avenue', 'Oak Tree Rise', 'Forge Lane', 'Market Place', 'Granby Street',
  'Holly Bank', 'Larch Close', 'Sycamore Way', 'Hawthorn Road', 'Cedar Mews', 'Rowan Drive', 'Heather Walk',
];

/** Outward codes of the fictional home authority (districts WX1–WX14). */
export const HOME_POSTCODE_DISTRICTS: readonly string[] = Array.from({ length: 14 }, (_, i) => `WX${i + 1}`);

/** Districts outside the authority, for out-of-area placements (also fictional areas). */
// prettier-ignore
export const OUT_OF_AREA_POSTCODE_DISTRICTS: readonly string[] = [
  'WZ2', 'WZ7', 'XQ3', 'XQ11', 'ZV1', 'ZV4', 'ZK9', 'QZ5', 'QZ12', 'YX6',
];

/** Letters allowed in the last two characters of a postcode's inward code. */
export const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Reserved drama numbers (Ofcom): safe to print, never ring anyone. */
// prettier-ignore
export const DRAMA_PHONE_PREFIXES: readonly string[] = [
  '0113 496 0', '0114 496 0', '0115 496 0', '0116 496 0', '0117 496 0', '0118 496 0', '0121 496 0',
  '0131 496 0', '0141 496 0', '0151 496 0', '0161 496 0', '020 7946 0', '01632 960', '07700 900',
];

/** Given names for the adults (professionals), who were born decades before the children. */
// prettier-ignore
export const ADULT_GIVEN_NAMES: readonly string[] = [
  'Sarah', 'Claire', 'Helen', 'Rachel', 'Emma', 'Laura', 'Nicola', 'Joanne', 'Karen', 'Julie', 'Michelle', 'Lisa',
  'Amanda', 'Kirsty', 'Gemma', 'Hayley', 'Donna', 'Fiona', 'Ruth', 'Anna', 'Priya', 'Nadia', 'Shabana', 'Grace',
  'Mark', 'Paul', 'David', 'Andrew', 'Richard', 'Stephen', 'Simon', 'Neil', 'Gareth', 'Craig', 'Darren', 'Imran',
  'Tariq', 'Kwame', 'Tom', 'Peter', 'Ian', 'Martin', 'Rob', 'Chris', 'Jon', 'Sam', 'Alex', 'Jo',
];

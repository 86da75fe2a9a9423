/**
 * Common English short and familiar forms of given names. Each entry is a group: a full name and the names people
 * use for it. Two given names are nickname-equivalent when some group holds both, so "Alex" matches "Alexander"
 * and "Alexandra" but those two do not match each other. Deliberately small: a longer table buys little recall
 * and costs precision (every pair it joins is a pair of different names accepted as one).
 */
import { normaliseName } from './normalise-name.js';

// prettier-ignore
const GROUPS: readonly (readonly string[])[] = [
  ['Alexander', 'Alex', 'Alec', 'Xander', 'Sandy', 'Lex'],
  ['Alexandra', 'Alex', 'Alexa', 'Lexi', 'Lexie', 'Sandra', 'Sandy'],
  ['Alfred', 'Alfie', 'Alf'],
  ['Andrew', 'Andy', 'Drew'],
  ['Anthony', 'Tony', 'Ant'],
  ['Archibald', 'Archie'],
  ['Benjamin', 'Ben', 'Benji', 'Benny'],
  ['Callum', 'Cal'],
  ['Charles', 'Charlie', 'Chas', 'Chaz'],
  ['Christopher', 'Chris', 'Kit'],
  ['Daniel', 'Dan', 'Danny'],
  ['David', 'Dave', 'Davey', 'Davy'],
  ['Edward', 'Ed', 'Eddie', 'Eddy', 'Ted', 'Teddy', 'Ned'],
  ['Elijah', 'Eli'],
  ['Frederick', 'Freddie', 'Freddy', 'Fred'],
  ['Gabriel', 'Gabe'],
  ['Harrison', 'Harry'],
  ['Henry', 'Harry', 'Hal'],
  ['Jacob', 'Jake', 'Jakey'],
  ['James', 'Jamie', 'Jim', 'Jimmy'],
  ['John', 'Jack', 'Johnny', 'Jon'],
  ['Jonathan', 'Jon', 'Jonny', 'Johnny'],
  ['Joseph', 'Joe', 'Joey'],
  ['Joshua', 'Josh'],
  ['Leonardo', 'Leo', 'Leon'],
  ['Matthew', 'Matt', 'Matty'],
  ['Maximilian', 'Max'],
  ['Maxwell', 'Max'],
  ['Michael', 'Mike', 'Mikey', 'Mick', 'Micky'],
  ['Muhammad', 'Mohammed', 'Mohammad', 'Mohamed', 'Muhammed', 'Mo', 'Mohd'],
  ['Nathan', 'Nate', 'Nat'],
  ['Nathaniel', 'Nathan', 'Nate', 'Nat'],
  ['Nicholas', 'Nick', 'Nicky'],
  ['Oliver', 'Ollie', 'Olly'],
  ['Patrick', 'Pat', 'Paddy'],
  ['Peter', 'Pete'],
  ['Richard', 'Rich', 'Rick', 'Ricky', 'Richie'],
  ['Robert', 'Rob', 'Robbie', 'Bob', 'Bobby'],
  ['Ronald', 'Ron', 'Ronnie'],
  ['Samuel', 'Sam', 'Sammy'],
  ['Sebastian', 'Seb'],
  ['Stanley', 'Stan'],
  ['Stephen', 'Steven', 'Steve', 'Stevie'],
  ['Theodore', 'Theo', 'Teddy', 'Ted'],
  ['Thomas', 'Tom', 'Tommy'],
  ['Timothy', 'Tim', 'Timmy'],
  ['Tobias', 'Toby'],
  ['William', 'Will', 'Willie', 'Bill', 'Billy', 'Liam'],
  ['Zachary', 'Zac', 'Zach', 'Zack', 'Zak'],
  ['Abigail', 'Abbie', 'Abby', 'Abi'],
  ['Amelia', 'Millie', 'Amy'],
  ['Caroline', 'Carrie', 'Caro'],
  ['Catherine', 'Cathy', 'Kate', 'Katie', 'Cat'],
  ['Charlotte', 'Lottie', 'Charlie', 'Lotte'],
  ['Deborah', 'Debbie', 'Debs'],
  ['Eleanor', 'Ellie', 'Nell', 'Nellie', 'Ella', 'Nora'],
  ['Elizabeth', 'Beth', 'Liz', 'Lizzie', 'Lizzy', 'Libby', 'Eliza', 'Betty', 'Bess'],
  ['Emily', 'Em', 'Emmy', 'Millie'],
  ['Evelyn', 'Evie', 'Eve'],
  ['Florence', 'Flo', 'Florrie', 'Flossie'],
  ['Frances', 'Fran', 'Frankie'],
  ['Francesca', 'Fran', 'Frankie', 'Chesca'],
  ['Gabriella', 'Gabrielle', 'Gabby', 'Gabi', 'Ella'],
  ['Georgina', 'Georgie', 'Gina'],
  ['Harriet', 'Hattie'],
  ['Isabella', 'Isabelle', 'Bella', 'Izzy', 'Issy'],
  ['Jacqueline', 'Jackie'],
  ['Jennifer', 'Jenny', 'Jen', 'Jenna'],
  ['Jessica', 'Jess', 'Jessie'],
  ['Josephine', 'Jo', 'Josie'],
  ['Katherine', 'Kathryn', 'Kate', 'Katie', 'Kat', 'Kathy', 'Kitty'],
  ['Madison', 'Maddie', 'Maddy'],
  ['Madeleine', 'Madeline', 'Maddie', 'Maddy'],
  ['Margaret', 'Maggie', 'Meg', 'Peggy', 'Maisie'],
  ['Matilda', 'Tilly', 'Tilda', 'Mattie'],
  ['Natasha', 'Tash', 'Tasha'],
  ['Olivia', 'Liv', 'Livvy', 'Livvie'],
  ['Penelope', 'Penny'],
  ['Phoebe', 'Phoebs'],
  ['Rebecca', 'Becky', 'Becca', 'Bex'],
  ['Samantha', 'Sam', 'Sammie', 'Sammy'],
  ['Sophia', 'Sophie', 'Sofia', 'Soph'],
  ['Stephanie', 'Steph', 'Stevie'],
  ['Susan', 'Sue', 'Susie'],
  ['Victoria', 'Tori', 'Vicky', 'Vicki', 'Vic'],
];

/** Normalised name → the indexes of the groups that hold it. */
const GROUPS_BY_NAME: ReadonlyMap<string, readonly number[]> = (() => {
  const byName = new Map<string, number[]>();
  GROUPS.forEach((group, index) => {
    for (const name of group) {
      const key = normaliseName(name).joined;
      const groups = byName.get(key) ?? [];
      if (!groups.includes(index)) groups.push(index);
      byName.set(key, groups);
    }
  });
  return byName;
})();

const NO_GROUPS: readonly number[] = [];

/** The nickname groups a normalised given name belongs to (empty when none). */
export function nicknameGroups(normalisedName: string): readonly number[] {
  return GROUPS_BY_NAME.get(normalisedName) ?? NO_GROUPS;
}

/** The group's full name, normalised (its first entry). */
export function groupFullName(group: number): string {
  const full = GROUPS[group]?.[0];
  if (full === undefined) throw new RangeError(`no nickname group ${group}`);
  return normaliseName(full).joined;
}

/** True when two different normalised given names are known forms of one name. */
export function nicknameEquivalent(a: string, b: string): boolean {
  if (a === b) return false;
  return sharesGroup(nicknameGroups(a), nicknameGroups(b));
}

export function sharesGroup(a: readonly number[], b: readonly number[]): boolean {
  for (const group of a) if (b.includes(group)) return true;
  return false;
}
